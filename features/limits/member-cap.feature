@area:limits
Feature: A group's member cap
  Source: Error Codes (https://intl.cloud.tencent.com/document/product/1047/34348), as the reference extract (§6.3)
    quotes it: 10014, "number of group members has reached the upper limit".
  Source: Web SDK "Group Management", "Creating a Group" (https://trtc.io/document/48465):
    "Maximum number of group members. Default value:"
    "200 for a work group"

  @rule:limits.member-cap @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community
  Rule: A group never holds more members than its cap: the join, addition or creation that would pass it fails with 10014
    Quote: "number of group members has reached the upper limit" (Error Codes,
    https://intl.cloud.tencent.com/document/product/1047/34348)
    Quote: "Member count never exceeds `maxMemberNum`; exceeding it fails with 10014 (or 10038 for plan limits)."
    (Reference extract §12 rule 122, citing Error Codes, https://intl.cloud.tencent.com/document/product/1047/34348)
    Small caps are set through the app's limits; one scenario uses the documented 200 of a Work group.

    Scenario: Approving a request into a full group fails with 10014, and the request waits for room
      Given an app where a Public group holds at most 2 members
      And alice, bob and dave are logged in
      And alice has created a Public group "P"
      And dave has asked to join "P"
      And bob belongs to "P"
      When alice approves the application of dave to "P"
      Then it fails with code 10014 naming "groupID"
      And nothing has changed
      And dave is not a member of "P"
      When alice lists her pending applications
      Then the result's applicationList lists dave
      When alice removes bob from "P"
      Then it succeeds
      When alice approves the application of dave to "P"
      Then it succeeds
      And dave is a member of "P"
      And "P" has 2 members

    Scenario: Joining a Meeting group up to its cap and one past it
      Given an app where a Meeting group holds at most 3 members
      And alice, bob, carol and dave are logged in
      And alice has created a Meeting group "M"
      And bob has joined "M"
      When carol joins "M"
      Then the join status is "JoinedSuccess"
      And "M" has 3 members
      When dave joins "M"
      Then it fails with code 10014 naming "groupID"
      And nothing has changed
      And dave is not a member of "M"
      And "M" has 3 members

    Scenario: Joining an AVChatRoom up to its cap and one past it
      Given an app where an AVChatRoom group holds at most 2 members
      And alice, bob and carol are logged in
      And alice has created an AVChatRoom group "AV"
      When bob joins "AV"
      Then the join status is "JoinedSuccess"
      And "AV" has 2 members
      When carol joins "AV"
      Then it fails with code 10014 naming "groupID"
      And nothing has changed
      And carol is not a member of "AV"
      And "AV" has 2 members

    Scenario: Joining a Public group up to the cap chosen at its creation and one past it
      Given alice, bob and carol are logged in
      And alice has created a Public group "P" with:
        | maxMemberNum | 2          |
        | joinOption   | FreeAccess |
      When bob joins "P"
      Then the join status is "JoinedSuccess"
      And "P" has 2 members
      When carol joins "P"
      Then it fails with code 10014 naming "groupID"
      And nothing has changed
      And carol is not a member of "P"

    Scenario Outline: The app admin adds members to <article> <type> group up to its cap and one past it
      Given an app where <article> <type> group holds at most 3 members
      And alice is logged in
      And the accounts carol and dave exist
      And alice has created <article> <type> group "G" with members bob
      When the app admin adds carol to "G"
      Then it succeeds
      And "G" has 3 members
      When the app admin adds dave to "G"
      Then it fails with code 10014 naming "groupID"
      And nothing has changed
      And dave is not a member of "G"

      Examples:
        | article | type      |
        | a       | Work      |
        | a       | Public    |
        | a       | Meeting   |
        | a       | Community |

    Scenario: An addition that would overflow the cap adds nobody, not even those who would fit
      Given an app where a Work group holds at most 3 members
      And alice, bob, carol and dave are logged in
      And alice has created a Work group "W" with members bob
      When alice adds carol and dave to "W"
      Then it fails with code 10014 naming "groupID"
      And nothing has changed
      And carol and dave are not members of "W"
      And "W" has 2 members

    Scenario: A group cannot be created with more members than its cap
      Given an app where a Work group holds at most 3 members
      And alice, bob, carol and dave are logged in
      When alice creates a Work group "W" with members bob, carol and dave
      Then it fails with code 10014 naming "memberList"
      And nothing has changed
      And alice's group list holds 0 groups
      And bob's group list holds 0 groups

    Scenario: A group is created with exactly as many members as its cap
      Given an app where a Work group holds at most 3 members
      And alice, bob and carol are logged in
      When alice creates a Work group "W" with members bob and carol
      Then it succeeds
      And "W" has 3 members

    Scenario: A Work group takes 200 members, the documented default, and not the 201st
      Given alice is logged in
      And alice has created a Work group "W"
      And the accounts u1 to u200 exist
      And u1 to u198 belong to "W"
      When alice adds u199 to "W"
      Then it succeeds
      And "W" has 200 members
      When alice adds u200 to "W"
      Then it fails with code 10014 naming "groupID"
      And nothing has changed
      And u200 is not a member of "W"
      And "W" has 200 members

    Scenario: A group without an owner can be created with as many members as its cap
      Given alice and bob are logged in
      When the app admin calls createGroup with:
        """
        {"type": "Public", "name": "G", "groupID": "g1", "maxMemberNum": 2, "memberList": [{"userID": "alice"}, {"userID": "bob"}]}
        """
      Then it succeeds
      And "g1" has 2 members

    Scenario: The cap cannot be lowered below the members the group has
      Given alice, bob and carol are logged in
      And alice has created a Public group "P" with members bob and carol
      When alice updates "P" with:
        | maxMemberNum | 2 |
      Then it fails with code 10004 naming "maxMemberNum"
      And nothing has changed
      When alice updates "P" with:
        | maxMemberNum | 3 |
      Then it succeeds
      And the maxMemberNum of "P" is 3
