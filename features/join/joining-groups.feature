@area:join
Feature: Joining a group on request
  Source: Web SDK "Group Management", "Joining a Group" (https://trtc.io/document/48465):
    "The method for joining a group may vary by group type as follows:"
    Work: "By invitation"; Public: "On request from the user and on approval from the group owner or admin";
    Meeting, Community and AVChatRoom: "Free to join".
    "Work groups cannot be joined on request, but only through addGroupMember."
    joinGroup resolves with data.status: JOIN_STATUS_WAIT_APPROVAL, JOIN_STATUS_SUCCESS (with data.group) or
    JOIN_STATUS_ALREADY_IN_GROUP.
  Source: Product "Group Management", "Request to join a group" (https://www.tencentcloud.com/document/product/1047/33530):
    "A user proactively requests to join a group through the Chat SDK."
    "Work groups disallow non-members to join, and an error will be returned."
    "Community groups do not require approval to join directly by default. If approval is required, it can be
    controlled through the ApplyJoinOption field in the group profile."
    "For other built-in group types, the result of the membership application depends on the ApplyJoinOption field in
    the group profile."
  Source: Error Codes (https://intl.cloud.tencent.com/document/product/1047/34348): 10010, 10014, 10037.
  The AVChatRoom join rules (one room at a time, the creator's own join) are in features/avchatroom/, joining
  while logged out in features/session/, and what happens to a join request in features/applications/.

  @rule:join.method-by-type @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community
  Rule: How a user joins depends on the group type: Work by invitation, Public on approval, the others freely
    Quote: "On request from the user and on approval from the group owner or admin" (Web SDK, Group Management,
    https://trtc.io/document/48465)
    Quote: "Work groups cannot be joined on request, and meeting groups and audio-video groups can be joined freely."
    (Web SDK, Group Management, https://trtc.io/document/48465)
    Quote: "A user proactively requests to join a group through the Chat SDK." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    The table row for each type is read with the group's default join option: Public NeedPermission
    (docs/ambiguities.md#a10-public-default-join-option), Community FreeAccess. In the grid the owner, admin and member
    rows are already members (AlreadyInGroup); an AVChatRoom's owner "enters" the room with its first join
    (docs/ambiguities.md#a32-avchatroom-owner-presence). Work groups and AVChatRooms have no admins, so the "admin"
    there is an ordinary member. The app admin has no SDK session and cannot call joinGroup; its route into a group is
    REST add_group_member, which puts a user in directly whatever the join option, except into an AVChatRoom, which
    nobody may add to (10007 from REST).

    Scenario Outline: A non-member joins <article> <type> group with its default join option
      Given alice and bob are logged in
      And alice has created <article> <type> group "G"
      When bob joins "G"
      Then <outcome>
      And <membership>

      Examples:
        | article | type       | outcome                                   | membership                 |
        | a       | Work       | it fails with code 10007 naming "groupID" | bob is not a member of "G" |
        | a       | Public     | the join status is "WaitAdminApproval"    | bob is not a member of "G" |
        | a       | Meeting    | the join status is "JoinedSuccess"        | bob is a member of "G"     |
        | an      | AVChatRoom | the join status is "JoinedSuccess"        | bob is a member of "G"     |
        | a       | Community  | the join status is "JoinedSuccess"        | bob is a member of "G"     |

    Scenario Outline: Joining, by role and type: <role> in <article> <type> group
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And the actor is the <role> of "G"
      When the actor joins "G"
      Then <outcome>

      Examples: The owner is already in the group; an AVChatRoom's owner enters the room
        | role  | article | type       | outcome                             |
        | owner | a       | Work       | the join status is "AlreadyInGroup" |
        | owner | a       | Public     | the join status is "AlreadyInGroup" |
        | owner | a       | Meeting    | the join status is "AlreadyInGroup" |
        | owner | an      | AVChatRoom | the join status is "JoinedSuccess"  |
        | owner | a       | Community  | the join status is "AlreadyInGroup" |

      Examples: Admins and members are already in the group
        | role   | article | type       | outcome                             |
        | admin  | a       | Work       | the join status is "AlreadyInGroup" |
        | admin  | a       | Public     | the join status is "AlreadyInGroup" |
        | admin  | a       | Meeting    | the join status is "AlreadyInGroup" |
        | admin  | an      | AVChatRoom | the join status is "AlreadyInGroup" |
        | admin  | a       | Community  | the join status is "AlreadyInGroup" |
        | member | a       | Work       | the join status is "AlreadyInGroup" |
        | member | a       | Public     | the join status is "AlreadyInGroup" |
        | member | a       | Meeting    | the join status is "AlreadyInGroup" |
        | member | an      | AVChatRoom | the join status is "AlreadyInGroup" |
        | member | a       | Community  | the join status is "AlreadyInGroup" |

      Examples: A non-member is refused a Work group, waits for approval in a Public group, and joins the others
        | role       | article | type       | outcome                                   |
        | non-member | a       | Work       | it fails with code 10007 naming "groupID" |
        | non-member | a       | Public     | the join status is "WaitAdminApproval"    |
        | non-member | a       | Meeting    | the join status is "JoinedSuccess"        |
        | non-member | an      | AVChatRoom | the join status is "JoinedSuccess"        |
        | non-member | a       | Community  | the join status is "JoinedSuccess"        |

    Scenario Outline: The app admin, which has no SDK session, puts a user into <article> <type> group through REST
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And the account nora exists
      When the app admin adds nora to "G"
      Then <outcome>
      And <membership>

      Examples:
        | article | type       | outcome                                   | membership                  |
        | a       | Work       | it succeeds                               | nora is a member of "G"     |
        | a       | Public     | it succeeds                               | nora is a member of "G"     |
        | a       | Meeting    | it succeeds                               | nora is a member of "G"     |
        | an      | AVChatRoom | it fails with code 10007 naming "groupID" | nora is not a member of "G" |
        | a       | Community  | it succeeds                               | nora is a member of "G"     |

  @rule:join.work-group-rejects-join-request @type:Work @ambiguous
  Rule: A Work group cannot be joined on request; it is entered only by being added
    Quote: "Work groups cannot be joined on request, but only through addGroupMember." (Web SDK, Group Management,
    https://trtc.io/document/48465)
    Quote: "Work groups disallow non-members to join, and an error will be returned." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    The error's code is not documented; groupspec reads it as 10007, and a member who calls joinGroup gets
    AlreadyInGroup because membership is checked first (docs/ambiguities.md#a24-join-work-group-code).

    Scenario: A non-member's request to join a Work group is refused and files nothing
      Given alice and bob are logged in
      And alice has created a Work group "W"
      When bob asks to join "W" saying "please"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And bob is not a member of "W"
      And "W" has 1 member
      And alice receives no system notice 1 (join request) about "W"
      When alice lists her pending applications
      Then the result's applicationList is empty

    Scenario: The same user enters the Work group when a member adds them
      Given alice and bob are logged in
      And alice has created a Work group "W"
      When alice adds bob to "W"
      Then it succeeds
      And the result's successUserIDList lists bob
      And bob is a member of "W"
      And bob eventually receives the system notice 7 (invited) about "W"
      And bob's group list is eventually updated to include "W"

    Scenario: A member of a Work group who calls joinGroup is told they are already in it
      Given alice and bob are logged in
      And alice has created a Work group "W" with members bob
      When bob joins "W"
      Then the join status is "AlreadyInGroup"
      And nothing has changed
      And "W" has 2 members

  @rule:join.join-option-decides @type:Public @ambiguous
  Rule: Whether a Public group's join request is accepted, held for approval or refused follows its join option
    Quote: "For other built-in group types, the result of the membership application depends on the ApplyJoinOption
    field in the group profile." (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)
    Quote: "TencentCloudChat.TYPES.JOIN_OPTIONS_DISABLE_APPLY (no group join allowed)" (Web SDK, Group Management,
    https://trtc.io/document/48465)
    Meeting groups and AVChatRooms have a fixed FreeAccess option (rule join.method-by-type), so the option decides
    only in Public groups (and Communities, rule join.community-free-by-default). The refusal's code for DisableApply
    is not documented; groupspec reads it as 10007 (docs/ambiguities.md#a25-join-disable-apply-code).

    Scenario Outline: A Public group created with joinOption <option>
      Given alice and bob are logged in
      And alice has created a Public group "P" with:
        | joinOption | <option> |
      When bob joins "P"
      Then the join status is "<status>"
      And <membership>
      And "P" has <count> members

      Examples:
        | option         | status            | membership                 | count |
        | FreeAccess     | JoinedSuccess     | bob is a member of "P"     | 2     |
        | NeedPermission | WaitAdminApproval | bob is not a member of "P" | 1     |

    Scenario: A Public group with joinOption DisableApply refuses every join request
      Given alice and bob are logged in
      And alice has created a Public group "P" with:
        | joinOption | DisableApply |
      When bob asks to join "P" saying "please"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And bob is not a member of "P"
      And alice receives no system notice 1 (join request) about "P"

    Scenario: The owner opens a Public group by changing its join option, and the next request is accepted
      Given alice and bob are logged in
      And alice has created a Public group "P" with:
        | joinOption | DisableApply |
      When alice changes the joinOption of "P" to "FreeAccess"
      Then it succeeds
      And the joinOption of "P" is "FreeAccess"
      When bob joins "P"
      Then the join status is "JoinedSuccess"
      And bob is a member of "P"

  @rule:join.community-free-by-default @type:Community @ambiguous
  Rule: A Community is joined without approval by default, and its join option can require approval or forbid joining
    Quote: "Community groups do not require approval to join directly by default." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    Quote: "If approval is required, it can be controlled through the ApplyJoinOption field in the group profile."
    (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)
    The REST pages say Communities do not support ApplyJoinOption; groupspec follows the primary document: the option
    defaults to FreeAccess and is honoured (docs/ambiguities.md#a03-community-join-approval).

    Scenario: A Community created without a join option lets anyone in at once
      Given alice and bob are logged in
      And alice has created a Community group "C"
      When bob joins "C"
      Then the join status is "JoinedSuccess"
      And the result's group.groupID is the ID of "C"
      And bob is a member of "C"
      And the joinOption of "C" is "FreeAccess"

    Scenario: A Community that requires approval holds the request for the owner
      Given alice and bob are logged in
      And alice has created a Community group "C" with:
        | joinOption | NeedPermission |
      When bob asks to join "C" saying "hi"
      Then the join status is "WaitAdminApproval"
      And bob is not a member of "C"
      And alice eventually receives the system notice 1 (join request) about "C"
      When alice lists her pending applications
      Then the result's applicationList has 1 entries
      And the result's applicationList[0].userID is "bob"

    Scenario: A Community whose join option forbids joining refuses the request
      Given alice and bob are logged in
      And alice has created a Community group "C" with:
        | joinOption | DisableApply |
      When bob joins "C"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And bob is not a member of "C"

  @rule:join.need-permission-waits-for-approval @type:Public @type:Community
  Rule: A request to a group that needs approval resolves WaitAdminApproval and does not make the user a member
    Quote: "case TencentCloudChat.TYPES.JOIN_STATUS_WAIT_APPROVAL: // Waiting to be approved by the admin" (Web SDK,
    Group Management, https://trtc.io/document/48465)
    Quote: "`joinGroup` on a Public group with `NeedPermission` resolves `status: 'WaitAdminApproval'` and does not add
    the user." (@tencentcloud/chat 3.6.6 index.d.ts, https://www.npmjs.com/package/@tencentcloud/chat)

    Scenario: The applicant waits, outside the group, with the group's profile withheld
      Given alice and bob are logged in
      And alice has created a Public group "P"
      When bob asks to join "P" saying "hello"
      Then the join status is "WaitAdminApproval"
      And the result has no group
      And bob is not a member of "P"
      And "P" has 1 member
      And bob's group list does not contain "P"
      And bob's group list is not updated
      And alice receives no group tip 1 (member joined) about "P"

  @rule:join.joined-success-returns-group @type:Meeting @type:Public @type:Community
  Rule: A successful join resolves JoinedSuccess with the group's profile, and the group tells its members
    Quote: "case TencentCloudChat.TYPES.JOIN_STATUS_SUCCESS: // Joined the group successfully" (Web SDK, Group
    Management, https://trtc.io/document/48465)
    Quote: "console.log(imResponse.data.group); // Profile of the group" (Web SDK, Group Management,
    https://trtc.io/document/48465)

    Scenario: Joining a Meeting group returns its profile as the new member sees it
      Given alice and bob are logged in
      And alice has created a Meeting group "M"
      When bob joins "M"
      Then the join status is "JoinedSuccess"
      And the result's group.groupID is the ID of "M"
      And the result's group.type is "ChatRoom"
      And the result's group.selfInfo.role is "Member"
      And the result's group.memberCount is 2
      And bob is a member of "M"
      And the role of bob in "M" is Member
      And bob's group list is eventually updated to include "M"
      And alice eventually receives the group tip 1 (member joined) about "M" naming bob
      And bob eventually receives the group tip 1 (member joined) about "M" naming bob

    Scenario: Joining a free-access Public group returns its profile too
      Given alice and bob are logged in
      And alice has created a Public group "P" with:
        | joinOption | FreeAccess |
      When bob joins "P"
      Then the join status is "JoinedSuccess"
      And the result's group.groupID is the ID of "P"
      And the result's group.selfInfo.role is "Member"
      And bob's group list contains "P"

  @rule:join.already-in-group @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community
  Rule: A member who asks to join again is told AlreadyInGroup, and nothing changes
    Quote: "case TencentCloudChat.TYPES.JOIN_STATUS_ALREADY_IN_GROUP: // The user is already in the group." (Web SDK,
    Group Management, https://trtc.io/document/48465)

    Scenario Outline: A member of <article> <type> group joins it again
      Given alice and bob are logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      When bob joins "G"
      Then the join status is "AlreadyInGroup"
      And nothing has changed
      And "G" has 2 members
      And alice receives no group tip 1 (member joined) about "G"

      Examples:
        | article | type       |
        | a       | Work       |
        | a       | Public     |
        | a       | Meeting    |
        | an      | AVChatRoom |
        | a       | Community  |

  @rule:join.full-group-refused @type:Meeting @type:Public
  Rule: A group that has reached its member cap refuses another member with 10014
    Quote: "`joinGroup` into a full group fails with 10014." (Error Codes,
    https://intl.cloud.tencent.com/document/product/1047/34348)
    The cap here is made small through the implementation's limit overrides.

    Scenario: The last free place is taken, and the next join is refused
      Given an app where a Meeting group holds at most 3 members
      And alice, bob, carol and dave are logged in
      And alice has created a Meeting group "M"
      And bob belongs to "M"
      When carol joins "M"
      Then the join status is "JoinedSuccess"
      And "M" has 3 members
      When dave joins "M"
      Then it fails with code 10014 naming "groupID"
      And nothing has changed
      And dave is not a member of "M"
      And "M" has 3 members

    Scenario: Approving a request into a full Public group is refused, and the applicant stays out
      Given an app where a Public group holds at most 2 members
      And alice, bob and carol are logged in
      And alice has created a Public group "P"
      And carol has asked to join "P"
      And bob belongs to "P"
      When alice approves the application of carol to "P"
      Then it fails with code 10014 naming "groupID"
      And nothing has changed
      And carol is not a member of "P"

  @rule:join.quota-refuses-join @type:Meeting
  Rule: A user who already belongs to as many groups as allowed cannot join another (10037)
    Quote: "A user exceeding the per-user group quota cannot create or join (10037)." (Error Codes,
    https://intl.cloud.tencent.com/document/product/1047/34348)
    The quota here is made small through the implementation's limit overrides.

    Scenario: A user at the quota is refused the next group
      Given an app where a user may belong to at most 2 groups
      And alice, bob, carol and dave are logged in
      And alice has created a Meeting group "M1"
      And carol has created a Meeting group "M2"
      And dave has created a Meeting group "M3"
      And bob has joined "M1"
      When bob joins "M2"
      Then the join status is "JoinedSuccess"
      And bob is a member of "M2"
      When bob joins "M3"
      Then it fails with code 10037 naming "groupID"
      And nothing has changed
      And bob is not a member of "M3"
      And "M3" has 1 member

  @rule:join.group-must-exist @type:Public @type:Meeting
  Rule: A group that does not exist or has been dismissed cannot be joined (10010)
    Quote: "The group does not exist or has been deleted" (Error Codes, https://intl.cloud.tencent.com/document/product/1047/34348)

    Scenario: Joining an ID that names no group
      Given bob is logged in
      When bob calls joinGroup with:
        """
        {"groupID": "no-such-group"}
        """
      Then it fails with code 10010 naming "groupID"
      And nothing has changed
      And bob's group list is not updated

    Scenario: Joining a Meeting group after its owner dismissed it
      Given alice and bob are logged in
      And alice has created a Meeting group "M"
      And alice has dismissed "M"
      When bob joins "M"
      Then it fails with code 10010 naming "groupID"
      And nothing has changed
      And "M" no longer exists
      And bob's group list does not contain "M"
