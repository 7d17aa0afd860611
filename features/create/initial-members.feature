@area:create
Feature: Members named at creation (memberList)
  Source: Web SDK "Group Management", "Creating a Group" (https://trtc.io/document/48465):
    "List of up to 500 existing group members."
    "No group members can be added when an audio-video group is created."
    "role --- String --- member role, which can only be Admin, indicating to add and set the group member as the admin"
    "userID --- String --- userID of the group member, which is required"
    "The SDK places the information of userX in overLimitUserIDList for the access side to process."
  Source: Product "Group Management", "Create group" (https://www.tencentcloud.com/document/product/1047/33530):
    "You can specify the group type, name, and a list of users to add to the group."

  @rule:create.member-list-adds-members @type:Work @type:Public @type:Meeting @type:Community
  Rule: The users listed in memberList are members of the new group, with the member custom fields given for them
    Quote: "List of up to 500 existing group members." (Web SDK, Group Management, https://trtc.io/document/48465)
    Quote: "You can specify the group type, name, and a list of users to add to the group." (Product, Group
    Management, https://www.tencentcloud.com/document/product/1047/33530)
    The users must exist; a user the app never knew is refused with 10019 ("The requested UserID does not exist",
    Error Codes, https://intl.cloud.tencent.com/document/product/1047/34348). The 500 limit is
    limits.create-member-list-500.

    Scenario Outline: <Article> <type> group created with two members holds three
      Given alice, bob and carol are logged in
      When alice creates <article> <type> group "G" with members bob and carol
      Then it succeeds
      And the result's group.memberCount is 3
      And "G" has 3 members
      And bob and carol are members of "G"
      And the role of bob in "G" is Member
      And bob's group list contains "G"

      Examples:
        | Article | article | type      |
        | A       | a       | Work      |
        | A       | a       | Public    |
        | A       | a       | Meeting   |
        | A       | a       | Community |

    Scenario: Member custom fields given at creation are stored for that member
      Given alice, bob and carol are logged in
      When alice creates a Work group "W" with:
        | memberList | [{"userID": "bob", "memberCustomField": [{"key": "group_member_test", "value": "test"}]}, {"userID": "carol"}] |
      Then it succeeds
      And "W" has 3 members
      And the custom field "group_member_test" of bob in "W" is "test"

    Scenario: A member list naming a user who does not exist is refused with 10019
      Given alice and bob are logged in
      When alice creates a Public group "G" with members bob and zed
      Then it fails with code 10019 naming "memberList[1].userID"
      And nothing has changed
      And alice's group list holds 0 groups
      And bob's group list holds 0 groups

  @rule:create.member-list-user-id-required @type:Work @type:Public @type:Meeting @type:Community
  Rule: Every memberList entry must name its userID; an entry without one is refused and no group is created
    Quote: "userID --- String --- userID of the group member, which is required" (Web SDK, Group Management,
    https://trtc.io/document/48465)
    Quote: "// If `memberList` is specified, `userID` must also be specified." (Web SDK, Group Management,
    https://trtc.io/document/48465)
    The refusal is the SDK's code for an invalid parameter, 10004, naming the entry's userID
    (docs/ambiguities.md#a39-bad-input). AVChatRooms take no memberList at all (create.avchatroom-without-members).

    Scenario Outline: <Article> <type> group whose member list has an entry without userID is not created
      Given alice and bob are logged in
      When alice creates <article> <type> group "G" with:
        | memberList | [{"userID": "bob"}, {"role": "Admin"}] |
      Then it fails with code 10004 naming "memberList[1].userID"
      And nothing has changed
      And alice's group list holds 0 groups
      And bob's group list holds 0 groups

      Examples:
        | Article | article | type      |
        | A       | a       | Work      |
        | A       | a       | Public    |
        | A       | a       | Meeting   |
        | A       | a       | Community |

    Scenario Outline: An empty userID in <article> <type> group's member list is refused the same way
      Given alice and bob are logged in
      When alice creates <article> <type> group "G" with:
        | memberList | [{"userID": "", "memberCustomField": [{"key": "level", "value": "1"}]}] |
      Then it fails with code 10004 naming "memberList[0].userID"
      And nothing has changed
      And alice's group list holds 0 groups

      Examples:
        | article | type      |
        | a       | Work      |
        | a       | Public    |
        | a       | Meeting   |
        | a       | Community |

    Scenario: Every entry naming its userID creates the group with them
      Given alice and bob are logged in
      When alice creates a Public group "G" with:
        | memberList | [{"userID": "bob", "role": "Admin"}] |
      Then it succeeds
      And "G" has 2 members
      And the role of bob in "G" is Admin

  @rule:create.member-list-role-admin-only @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: A memberList entry may ask for the Admin role only, and gets it where the type has admins
    Quote: "role --- String --- member role, which can only be Admin, indicating to add and set the group member as the
    admin" (Web SDK, Group Management, https://trtc.io/document/48465)
    Quote: "A `memberList` entry's `role` may only be `Admin`; the owner role cannot be assigned at creation."
    (Reference extract §12 rule 15, citing Web SDK, Group Management, https://trtc.io/document/48465)
    Work groups and AVChatRooms have no admins: groupspec adds an Admin asked for in a Work group as an ordinary
    member (docs/ambiguities.md#a05-admins-in-work-groups). The default, Member, may be given explicitly
    (docs/ambiguities.md#a58-explicit-member-role-at-creation); any other role is bad input, 10004
    (docs/ambiguities.md#a39-bad-input).

    Scenario Outline: A member named as Admin at the creation of <article> <type> group
      Given alice and bob are logged in
      When alice creates <article> <type> group "G" with:
        | memberList | [{"userID": "bob", "role": "Admin"}] |
      Then it succeeds
      And <outcome>

      Examples:
        | article | type       | outcome                          |
        | a       | Work       | the role of bob in "G" is Member |
        | a       | Public     | the role of bob in "G" is Admin  |
        | a       | Meeting    | the role of bob in "G" is Admin  |
        | an      | AVChatRoom | bob is not a member of "G"       |
        | a       | Community  | the role of bob in "G" is Admin  |

    Scenario: The default role, Member, may be named at creation
      Given alice and bob are logged in
      When alice creates a Public group "G" with:
        | memberList | [{"userID": "bob", "role": "Member"}] |
      Then it succeeds
      And the role of bob in "G" is Member
      And "G" has 2 members

    Scenario: The Owner role cannot be given at creation
      Given alice and bob are logged in
      When alice creates a Public group "G" with:
        | memberList | [{"userID": "bob", "role": "Owner"}] |
      Then it fails with code 10004 naming "role"
      And nothing has changed
      And alice's group list holds 0 groups
      And bob's group list holds 0 groups

  @rule:create.avchatroom-without-members @type:AVChatRoom
  Rule: No members can be added when an AVChatRoom is created: the SDK drops memberList, REST refuses it with 10007
    Quote: "No group members can be added when an audio-video group is created." (Web SDK, Group Management,
    https://trtc.io/document/48465)
    Quote: "`memberList` is ignored (Web) / rejected with 10007 (REST) for AVChatRoom creation." (Reference extract §12
    rule 16, citing REST API, Creating a Group, https://intl.cloud.tencent.com/document/product/1047/34895)

    Scenario: The Web SDK creates the AVChatRoom without the members it was given
      Given alice and bob are logged in
      When alice creates an AVChatRoom group "AV" with members bob
      Then it succeeds
      And the result's group.memberCount is 1
      And "AV" has 1 member
      And bob is not a member of "AV"
      And bob is a member of 0 groups, AVChatRooms included
      And bob receives no system notice 7 (invited) about "AV"

    Scenario: The app admin cannot create an AVChatRoom with members
      Given the accounts alice and bob exist
      When the app admin calls createGroup with:
        """
        {"type": "AVChatRoom", "name": "AV", "ownerAccount": "alice", "memberList": [{"userID": "bob"}]}
        """
      Then it fails with code 10007 naming "memberList"
      And nothing has changed
      And alice is a member of 0 groups, AVChatRooms included
      And bob is a member of 0 groups, AVChatRooms included

    Scenario: The app admin creates an AVChatRoom for alice, without members
      Given the accounts alice exist
      When the app admin creates an AVChatRoom group "AV" with:
        | ownerAccount | alice |
      Then it succeeds
      And alice owns "AV"

  @rule:create.over-limit-users-listed @type:Public
  Rule: Users named in memberList who are at their group quota are left out and listed in overLimitUserIDList
    Quote: "The SDK places the information of userX in overLimitUserIDList for the access side to process." (Web SDK,
    Group Management, https://trtc.io/document/48465)
    Quote: "Users who exceed their joined-group quota at creation are omitted and listed in `data.overLimitUserIDList`."
    (Reference extract §12 rule 17, citing Web SDK, Group Management, https://trtc.io/document/48465)

    Scenario: A user at the quota is left out, the others are added
      Given an app where a user may belong to at most 2 groups
      And alice, bob, carol and dave are logged in
      And carol has created a Work group "X" with members bob
      And carol has created a Work group "Y" with members bob
      When alice creates a Public group "G" with members bob and dave
      Then it succeeds
      And the result's overLimitUserIDList lists bob
      And "G" has 2 members
      And dave is a member of "G"
      And bob is not a member of "G"
      And bob's group list holds 2 groups
      And bob receives no system notice 7 (invited) about "G"

    Scenario: Nobody is left out when nobody is at the quota
      Given alice and bob are logged in
      When alice creates a Public group "G" with members bob
      Then it succeeds
      And the result's overLimitUserIDList is empty
      And bob is a member of "G"
