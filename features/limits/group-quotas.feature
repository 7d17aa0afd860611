@area:limits
Feature: Quotas on how many groups a user may be in and an app may create in a day
  Source: Product "Group Management", "Create group" (https://www.tencentcloud.com/document/product/1047/33530):
    "The daily limit of net group consumption is 10,000 per app."
  Source: Group System (https://intl.cloud.tencent.com/document/product/1047/33529), Error Codes
    (https://intl.cloud.tencent.com/document/product/1047/34348) and REST API "Creating a Group"
    (https://intl.cloud.tencent.com/document/product/1047/34895), as the reference extract (§6.3, §12 rules 30 and 129)
    quotes them.
  Quotas are set small through the app's limits; the simulator's defaults are 500 groups a user and 10,000 net
  creations a day.

  @rule:limits.user-group-quota @type:Work @type:Public @type:Meeting @type:Community @type:AVChatRoom @ambiguous
  Rule: A user who has reached the per-user group quota can neither create nor join another group (10037)
    Quote: "A user exceeding the per-user group quota cannot create or join (10037)." (Reference extract §12 rule 30,
    citing Error Codes, https://intl.cloud.tencent.com/document/product/1047/34348)
    Quote: "If you specify userX, who has joined N groups (maximum number of groups userX can join) as a member of the
    group during group creation, userX cannot join the group properly." (Web SDK, Group Management,
    https://trtc.io/document/48465)
    An addition of a user at the quota is not an error: the user is listed in overLimitUserIDList (and, at creation,
    create.over-limit-users-listed).
    The AVChatRooms a user is in do not count towards the quota, and a user at the quota may still create or join
    an AVChatRoom: the sources are silent, groupspec's reading is
    docs/ambiguities.md#a52-avchatrooms-outside-the-user-quota.

    Scenario: Creating groups up to the quota and one past it
      Given an app where a user may belong to at most 2 groups
      And alice is logged in
      And alice has created a Public group "A"
      When alice creates a Work group "B"
      Then it succeeds
      And alice's group list holds 2 groups
      When alice creates a Meeting group "C"
      Then it fails with code 10037 naming "ownerID"
      And nothing has changed
      And alice's group list holds 2 groups

    Scenario: Joining groups up to the quota and one past it
      Given an app where a user may belong to at most 2 groups
      And alice and bob are logged in
      And bob has created a Work group "B"
      And alice has created a Meeting group "M"
      And alice has created a Meeting group "N"
      When bob joins "M"
      Then the join status is "JoinedSuccess"
      And bob's group list holds 2 groups
      When bob joins "N"
      Then it fails with code 10037 naming "groupID"
      And nothing has changed
      And bob is not a member of "N"
      And bob's group list holds 2 groups

    Scenario: A user at the quota whom a member adds is listed as over the limit and not added
      Given an app where a user may belong to at most 2 groups
      And alice and bob are logged in
      And bob has created a Work group "B1"
      And bob has created a Work group "B2"
      And alice has created a Work group "W"
      When alice adds bob to "W"
      Then it succeeds
      And the result's overLimitUserIDList lists bob
      And the result's successUserIDList is empty
      And bob is not a member of "W"
      And bob's group list holds 2 groups

    Scenario: The AVChatRoom a user is in leaves her whole quota for other groups
      Given an app where a user may belong to at most 1 groups
      And alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob has joined "AV"
      When bob creates a Public group "B"
      Then it succeeds
      And bob owns "B"
      And bob is a member of 2 groups, AVChatRooms included
      When bob creates a Work group "C"
      Then it fails with code 10037 naming "ownerID"
      And nothing has changed

    Scenario: The AVChatRoom is left out of the count for a user in several groups too
      Given an app where a user may belong to at most 2 groups
      And alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob has joined "AV"
      And bob has created a Public group "B"
      When bob creates a Work group "C"
      Then it succeeds
      And bob owns "C"
      And bob is a member of 3 groups, AVChatRooms included
      When bob creates a Meeting group "D"
      Then it fails with code 10037 naming "ownerID"

    Scenario: A user at the quota may still create and join AVChatRooms
      Given an app where a user may belong to at most 1 groups
      And alice and bob are logged in
      And alice has created a Work group "W"
      And bob has created a Public group "P"
      When alice creates an AVChatRoom group "AV"
      Then it succeeds
      And alice owns "AV"
      When bob joins "AV"
      Then the join status is "JoinedSuccess"
      And bob is a member of 2 groups, AVChatRooms included

    Scenario: A user who has quit her only group has the whole quota again
      Given an app where a user may belong to at most 1 groups
      And alice is logged in
      And alice has created a Work group "W"
      And alice has quit "W"
      When alice creates a Public group "P"
      Then it succeeds
      And alice owns "P"
      And alice's group list holds 1 groups

    Scenario: A request is not approved once the applicant has reached the quota
      Given an app where a user may belong to at most 1 groups
      And alice and dave are logged in
      And alice has created a Public group "P"
      And dave has asked to join "P"
      And dave has created a Work group "D"
      When alice approves the application of dave to "P"
      Then it fails with code 10037 naming "application"
      And nothing has changed
      And dave is not a member of "P"

    Scenario: A user who has quit her only group and joined another counts one group, not two
      Given an app where a user may belong to at most 2 groups
      And alice is logged in
      And alice has created a Work group "W"
      And alice has quit "W"
      And alice has created a Public group "P"
      When alice creates a Public group "Q"
      Then it succeeds
      And alice's group list holds 2 groups

  @rule:limits.daily-net-creation-quota @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: An app creates at most its daily quota of groups, net of those dismissed the same day; past it, 10006
    Quote: "The daily limit of net group consumption is 10,000 per app." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    Quote: "usually caused by too much net group increase in a single day" (REST API, Creating a Group,
    https://intl.cloud.tencent.com/document/product/1047/34895)
    groupspec reads "net" as created minus dismissed, counted per UTC day; a group deleted because its last member
    left is not a dismissal (docs/ambiguities.md#a21-daily-creation-quota,
    docs/ambiguities.md#a35-empty-group-recycled).

    Scenario: The documented default: an app that overrides nothing creates 10,000 groups a day, and not one more
      Given alice is logged in
      And the app admin has created 9999 groups today
      When alice creates a Public group "G"
      Then it succeeds
      When alice creates a Community group "H"
      Then it fails with code 10006
      And nothing has changed
      And alice's group list holds 1 group
      When alice dismisses "G"
      Then it succeeds
      When alice creates a Meeting group "H"
      Then it succeeds

    Scenario: Creations by users and by the app admin count together, up to the quota and one past it
      Given an app where at most 3 groups may be created a day
      And alice is logged in
      And alice has created a Public group "A"
      And the app admin has created a Work group "B" without an owner
      When alice creates an AVChatRoom group "C"
      Then it succeeds
      When alice creates a Public group "D"
      Then it fails with code 10006
      And nothing has changed
      And alice's group list holds 1 group
      And alice is a member of 2 groups, AVChatRooms included

    Scenario: A group dismissed the same day gives its place back
      Given an app where at most 2 groups may be created a day
      And alice is logged in
      And alice has created a Public group "A"
      And alice has created a Public group "B"
      And alice has dismissed "A"
      When alice creates a Public group "C"
      Then it succeeds
      And alice's group list holds 2 groups
      When alice creates a Public group "D"
      Then it fails with code 10006
      And nothing has changed
      And alice's group list holds 2 groups

    Scenario: The quota is still used up in the last second of the day
      Given an app where at most 1 groups may be created a day
      And alice is logged in
      And alice has created a Public group "A"
      And 86399 seconds have passed
      When alice creates a Public group "B"
      Then it fails with code 10006
      And nothing has changed
      And alice's group list holds 1 group

    Scenario: A new day starts a new count
      Given an app where at most 2 groups may be created a day
      And alice is logged in
      And alice has created a Public group "A"
      When 86400 seconds pass
      And alice creates a Public group "B"
      Then it succeeds
      When alice creates a Public group "C"
      Then it succeeds
      And alice's group list holds 3 groups
      When alice creates a Public group "D"
      Then it fails with code 10006
      And nothing has changed

    Scenario: A group deleted because its last member left does not give its place back
      Given an app where at most 1 groups may be created a day
      And alice is logged in
      And alice has created a Work group "W"
      And alice has quit "W"
      When alice creates a Public group "P"
      Then it fails with code 10006
      And nothing has changed
      And "W" no longer exists
      And alice's group list holds 0 groups
