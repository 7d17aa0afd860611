@area:admin
Feature: What the app admin can do through the REST API
  Source: Product "Group Management" (https://www.tencentcloud.com/document/product/1047/33530):
    "The app admin can transfer a group through the RESTful API."
    "The app admin can call the RESTful API to disband any group."
  Source: Group System (https://intl.cloud.tencent.com/document/product/1047/33529), on the app admin:
    "has the same permissions as the group owner, whether it is a member of the group or not."
  Source: reference extract §9 (the REST commands) and §12 rules 118 and 124–128 ([GS], [R-CREATE], [R-OWNER], [R-MMODIFY],
  [R-ADD], [R-SYSNOTICE]). Transfers by the app admin are in features/transfer, dismissals in features/dismiss.

  @rule:admin.owner-powers-in-every-group @type:Public @type:AVChatRoom
  Rule: The app admin has the owner's powers in every group, without being a member of it
    Quote: "has the same permissions as the group owner, whether it is a member of the group or not." (Group System,
    https://intl.cloud.tencent.com/document/product/1047/33529)

    Scenario: The app admin appoints an admin of a Public group it does not belong to
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When the app admin makes bob an admin of "P"
      Then it succeeds
      And the role of bob in "P" is Admin
      And "P" has 2 members
      And bob eventually receives the system notice 9 (set as admin) about "P"

    Scenario: The app admin edits an AVChatRoom's profile, which only its owner may do in the SDK
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      When bob changes the introduction of "AV" to "Hijacked"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      When the app admin changes the introduction of "AV" to "Tonight's show"
      Then it succeeds
      And the introduction of "AV" is "Tonight's show"
      And bob eventually receives the group tip 6 (group profile updated) about "AV" whose operatorID is "administrator"

  @rule:admin.creates-groups-without-owner @type:Public @type:Work @type:Meeting @ambiguous
  Rule: REST create_group without an owner account creates a group with no owner; with one, that user owns it
    Quote: "create without an owner (`Owner_Account` optional: "If it is not specified, the group will have no group owner")"
    (REST API, Create Group, https://www.tencentcloud.com/document/product/1047/34895)
    Quote: "Private | Yes. Same as work groups (Work) in the new version." (REST API, Creating a Group,
    https://trtc.io/document/34895)
    The REST type IDs Private and ChatRoom are accepted, and so are the new names Work and Meeting
    (docs/ambiguities.md#a57-rest-type-names).

    Scenario: An ownerless Public group has no members at all
      Given alice is logged in
      When the app admin creates a Public group "P"
      Then it succeeds
      And the result's groupID matches "^@TGS#"
      And "P" has no owner
      And "P" has 0 members
      And alice's group list does not contain "P"

    Scenario: A group created for alice is hers, and her devices hear of it
      Given alice is logged in
      When the app admin creates a Work group "W" with:
        | ownerAccount | alice |
      Then it succeeds
      And alice owns "W"
      And the role of alice in "W" is Owner
      And alice eventually receives the system notice 6 (group created) about "W"
      And alice's group list is eventually updated to include "W"

    Scenario Outline: A group created for alice with the REST type "<rest>" is a <wire> group
      Given alice is logged in
      When the app admin calls createGroup with:
        """
        {"type": "<rest>", "name": "G", "groupID": "g-<rest>", "ownerAccount": "alice"}
        """
      Then it succeeds
      And the type of "g-<rest>" is "<wire>"
      And alice owns "g-<rest>"

      Examples:
        | rest     | wire     |
        | Private  | Private  |
        | Work     | Private  |
        | ChatRoom | ChatRoom |
        | Meeting  | ChatRoom |

  @rule:admin.owner-role-cannot-be-changed @type:Public @ambiguous
  Rule: REST modify_group_member_info cannot change the owner's role
    The refusal code is not documented; groupspec reads it as 10007 (docs/ambiguities.md#a51-rest-owner-role-code).
    Quote: "set `Role` Admin/Member ("The group owner identity cannot be modified")" (REST API, Modify Group Member Profile,
    https://github.com/tencentyun/intlcloud-documents)
    The refusal's code is not documented; the simulator gives 10007.

    Scenario Outline: The app admin tries to make the owner <role>
      Given alice is logged in
      And alice has created a Public group "P"
      When the app admin sets the role of alice in "P" to "<role>"
      Then it fails with code 10007 naming "userID"
      And nothing has changed
      And the role of alice in "P" is Owner
      And alice owns "P"

      Examples:
        | role   |
        | Member |
        | Admin  |

  @rule:admin.create-member-list-at-most-100 @type:Public @ambiguous
  Rule: REST create_group takes at most 100 initial members; 101 are refused with 10005
    Quote: "REST `create_group.MemberList` holds at most 100 members (10005 beyond)." (reference extract §12 rule 128, [R-CREATE];
    REST API, Create Group, https://www.tencentcloud.com/document/product/1047/34895)
    The Web SDK's own limit is 500; each REST command's page is followed for its own size (docs/ambiguities.md#a12-batch-sizes).

    Scenario: 100 initial members are accepted
      When the app admin creates a Public group "P" with 100 newly imported accounts as members
      Then it succeeds
      And "P" has 100 members
      And "P" has no owner

    Scenario: 101 initial members are refused
      When the app admin creates a Public group "P" with 101 newly imported accounts as members
      Then it fails with code 10005 naming "memberList"
      And nothing has changed
      And "P" no longer exists

  @rule:admin.accounts-must-exist @type:Public
  Rule: A user the app has never seen (neither imported nor logged in) cannot be added (10019); importing the account makes it exist
    Quote: "Adding/inviting a non-existent user fails (10019)." (reference extract §12 rule 121, [ERR], [R-ADD])
    Quote: "Requested UserID does not exist" (Error Codes, https://intl.cloud.tencent.com/document/product/1047/34348)

    Scenario: zed is refused until the app admin imports his account
      Given alice is logged in
      And alice has created a Public group "P"
      When the app admin adds zed to "P"
      Then it fails with code 10019 naming "userIDList[0]"
      And nothing has changed
      And zed is not a member of "P"
      When the app admin calls importAccount with:
        """
        {"userID": "zed", "nick": "Zed"}
        """
      Then it succeeds
      And the result's userID is "zed"
      When the app admin adds zed to "P"
      Then it succeeds
      And zed is a member of "P"

    Scenario: One unknown user spoils the whole addition
      Given alice and bob are logged in
      And alice has created a Public group "P"
      When the app admin adds bob and zed to "P"
      Then it fails with code 10019 naming "userIDList[1]"
      And nothing has changed
      And bob is not a member of "P"

    Scenario: A group cannot be created for an owner account that does not exist
      Given alice is logged in
      When the app admin calls createGroup with:
        """
        {"type": "Public", "name": "G", "groupID": "g2", "ownerAccount": "zed"}
        """
      Then it fails with code 10019 naming "ownerID"
      And nothing has changed

  @rule:admin.add-reports-each-user @type:Public
  Rule: REST add_group_member reports a result for each user: 1 added, 2 already a member, 0 failed
    Quote: "0 fail, 1 success, 2 invalid (already member / not in group), 3 pending approval" (REST API, Add Group Members,
    https://www.tencentcloud.com/document/product/1047/34921)
    The app admin always adds directly, so 3 (pending approval) never occurs.

    Scenario: A new user, an existing member and a user at their group quota
      Given an app where a user may belong to at most 1 groups
      And alice, bob and carol are logged in
      And alice has created a Public group "P"
      And carol has created a Work group "C"
      When the app admin calls addGroupMember with:
        """
        {"groupID": "{{P}}", "userIDList": ["bob", "alice", "carol"]}
        """
      Then it succeeds
      And the result's memberList is [{"userID":"bob","result":1},{"userID":"alice","result":2},{"userID":"carol","result":0}]
      And bob is a member of "P"
      And carol is not a member of "P"
      And "P" has 2 members

  @rule:admin.silence-suppresses-notifications @type:Public
  Rule: With Silence, a REST addition or removal changes membership without telling anyone
    Quote: "`Silence: 1` suppresses notifications" (REST API, Add Group Members, https://www.tencentcloud.com/document/product/1047/34921)
    Quote: "remove anyone (`MemberToDel_Account`, `Reason`, `Silence`)" (REST API, Delete Group Members,
    https://www.tencentcloud.com/document/product/1047/34949)

    Scenario: A silent addition sends no notice, no tip and no group list
      Given alice and bob are logged in
      And alice has created a Public group "P"
      When the app admin calls addGroupMember with:
        """
        {"groupID": "{{P}}", "userIDList": ["bob"], "silence": true}
        """
      Then it succeeds
      And bob is a member of "P"
      And bob receives no system notice 7 (invited) about "P"
      And alice receives no group tip 1 (member joined) about "P"
      And bob's group list is not updated

    Scenario: The same addition without Silence is announced
      Given alice and bob are logged in
      And alice has created a Public group "P"
      When the app admin calls addGroupMember with:
        """
        {"groupID": "{{P}}", "userIDList": ["bob"]}
        """
      Then it succeeds
      And bob eventually receives the system notice 7 (invited) about "P"
      And alice eventually receives the group tip 1 (member joined) about "P" naming bob

    Scenario: A silent removal sends no notice and no tip
      Given alice, bob and carol are logged in
      And alice has created a Public group "P"
      And bob and carol belong to "P"
      When the app admin calls deleteGroupMember with:
        """
        {"groupID": "{{P}}", "userIDList": ["bob"], "silence": true}
        """
      Then it succeeds
      And bob is not a member of "P"
      And bob receives no system notice 4 (removed) about "P"
      And carol receives no group tip 3 (member removed) about "P"

    Scenario: The same removal without Silence is announced
      Given alice, bob and carol are logged in
      And alice has created a Public group "P"
      And bob and carol belong to "P"
      When the app admin calls deleteGroupMember with:
        """
        {"groupID": "{{P}}", "userIDList": ["bob"]}
        """
      Then it succeeds
      And bob eventually receives the system notice 4 (removed) about "P"
      And carol eventually receives the group tip 3 (member removed) about "P" naming bob

  @rule:admin.custom-system-notification @type:Public @type:AVChatRoom @ambiguous
  Rule: A REST system notification reaches the members as system notice 255 carrying the text in userDefinedField
    Quote: "Custom REST system notifications appear on Web with operationType 255." (reference extract §12 rule 118, [WGM-OLD];
    Web, Group Management (Web & Mini Program), https://github.com/tencentyun/intlcloud-documents)
    Quote: "custom system notice (Web operationType 255); AV only to all members; `ToMembers_Account` ≤50" (REST API, Sending
    System Messages in a Group, https://trtc.io/zh/document/34958)
    The command is said to be closed to new customers; groupspec still offers it (docs/ambiguities.md#a20-custom-system-notice).

    Scenario: Every member receives the notice with its text
      Given alice, bob and nina are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When the app admin calls sendGroupSystemNotification with:
        """
        {"groupID": "{{P}}", "content": "Maintenance tonight"}
        """
      Then it succeeds
      And bob eventually receives the system notice 255 (custom) about "P"
      And alice eventually receives the system notice 255 (custom) about "P"
      And the system notice 255 that bob received about "P" says "Maintenance tonight"
      And the system notice 255 that bob received about "P" is in the conversation "@TIM#SYSTEM"
      And nina receives no system notice 255 (custom) about "P"

    Scenario: Only the listed members receive it; non-members in the list are dropped
      Given alice, bob, carol and nina are logged in
      And alice has created a Public group "P"
      And bob and carol belong to "P"
      When the app admin calls sendGroupSystemNotification with:
        """
        {"groupID": "{{P}}", "content": "Just for you", "toMembers": ["bob", "nina"]}
        """
      Then it succeeds
      And bob eventually receives the system notice 255 (custom) about "P"
      And carol receives no system notice 255 (custom) about "P"
      And nina receives no system notice 255 (custom) about "P"

    Scenario: In an AVChatRoom the notice always goes to everyone
      Given alice, bob and carol are logged in
      And alice has created an AVChatRoom group "AV"
      And bob and carol belong to "AV"
      When the app admin calls sendGroupSystemNotification with:
        """
        {"groupID": "{{AV}}", "content": "Show starts", "toMembers": ["bob"]}
        """
      Then it succeeds
      And carol eventually receives the system notice 255 (custom) about "AV"
      And the system notice 255 that carol received about "AV" says "Show starts"

  @rule:admin.joined-group-list-of-a-user @type:Public @type:AVChatRoom @ambiguous
  Rule: REST get_joined_group_list lists a user's groups, leaving AVChatRooms out unless WithHugeGroups is asked for
    Quote: "per-user list; inactive Work and AV not returned by default (`WithHugeGroups`, `WithNoActiveGroups`)" (REST API,
    Get Joined Groups, https://github.com/tencentyun/intlcloud-documents)
    Inactive Work groups are not modelled (docs/ambiguities.md#a34-work-group-activation); AVChatRooms are left out as in
    docs/ambiguities.md#a31-group-list-excludes-avchatroom.

    Scenario: bob's groups with and without his AVChatRoom
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "P"
      And bob belongs to "AV"
      When the app admin calls getJoinedGroupList with:
        """
        {"userID": "bob"}
        """
      Then it succeeds
      And the result's totalCount is 1
      And the result's groupIdList[0].groupID is the ID of "P"
      When the app admin calls getJoinedGroupList with:
        """
        {"userID": "bob", "withHugeGroups": true}
        """
      Then it succeeds
      And the result's totalCount is 2

    Scenario: An account the app has never seen is refused
      Given alice is logged in
      When the app admin calls getJoinedGroupList with:
        """
        {"userID": "zed"}
        """
      Then it fails with code 10019 naming "userID"
      And nothing has changed

  @rule:admin.role-query @type:Public @type:AVChatRoom
  Rule: REST get_role_in_group tells each user's role, NotMember for outsiders; AVChatRooms are refused with 10007
    Quote: "≤500 users; returns Owner/Admin/Member/NotMember" (REST API, Query User Roles in a Group,
    https://github.com/tencentyun/intlcloud-documents)
    Quote: "role query on AV" (Error Codes, 10007, https://intl.cloud.tencent.com/document/product/1047/34348)

    Scenario: Four users, four answers
      Given alice, bob, carol and nina are logged in
      And alice has created a Public group "P"
      And bob is an admin of "P"
      And carol belongs to "P"
      When the app admin calls getRoleInGroup with:
        """
        {"groupID": "{{P}}", "userIDList": ["alice", "bob", "carol", "nina"]}
        """
      Then it succeeds
      And the result's userIdList is [{"userID":"alice","role":"Owner"},{"userID":"bob","role":"Admin"},{"userID":"carol","role":"Member"},{"userID":"nina","role":"NotMember"}]

    Scenario: Roles cannot be queried in an AVChatRoom
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      When the app admin calls getRoleInGroup with:
        """
        {"groupID": "{{AV}}", "userIDList": ["alice", "bob"]}
        """
      Then it fails with code 10007 naming "groupID"
      And nothing has changed

  @rule:admin.batch-mute @type:Public @type:Work
  Rule: REST forbid_send_msg mutes several members at once, skipping non-members; Work groups cannot be muted
    Quote: "batch mute ≤500, `MuteTime` 0 / 4294967295" (REST API, Batch Mute and Unmute,
    https://www.tencentcloud.com/document/product/1047/34951)
    Quote: "Muting is unavailable in Work groups." (reference extract §12 rule 80, [DTS], [R-MUTE])

    Scenario: Two members are muted for a minute and a stranger is skipped
      Given alice, bob, carol and nina are logged in
      And alice has created a Public group "P"
      And bob and carol belong to "P"
      When the app admin calls forbidSendMsg with:
        """
        {"groupID": "{{P}}", "userIDList": ["bob", "carol", "nina"], "muteTime": 60}
        """
      Then it succeeds
      And the result's userIDList is ["bob","carol"]
      And bob is muted in "P" for 60 more seconds
      And carol is muted in "P" for 60 more seconds
      And nina is not a member of "P"
      And alice eventually receives the group tip 7 (member profile updated) about "P" naming bob

    Scenario: A Work group refuses the batch mute
      Given alice and bob are logged in
      And alice has created a Work group "W" with members bob
      When the app admin calls forbidSendMsg with:
        """
        {"groupID": "{{W}}", "userIDList": ["bob"], "muteTime": 60}
        """
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And bob is not muted in "W"

    Scenario: A Work group refuses the batch mute even when it names none of its members
      Given alice and nina are logged in
      And alice has created a Work group "W" with members bob
      When the app admin calls forbidSendMsg with:
        """
        {"groupID": "{{W}}", "userIDList": ["nina"], "muteTime": 60}
        """
      Then it fails with code 10007 naming "groupID"
      And nothing has changed

    Scenario: A batch mute names at most 500 users; 501 are refused with 10005
      Given alice is logged in
      And alice has created a Public group "P"
      When the app admin mutes u1 to u500 in "P" for 60 seconds
      Then it succeeds
      When the app admin mutes u1 to u501 in "P" for 60 seconds
      Then it fails with code 10005 naming "userIDList"
      And nothing has changed
