@area:events
Feature: Group events: the group list, tips and system notices on every device
  Source: Web SDK "Group Management", "Group Event Listener" (https://trtc.io/document/48465):
    "console.log(event.data);// Array that stores Group instances"
    "chat.on(TencentCloudChat.EVENT.GROUP_LIST_UPDATED, onGroupListUpdated);"
  Source: Product "Group Management" (https://www.tencentcloud.com/document/product/1047/33530):
    "After the group is created, a system message about the group creation is sent to the group owner‘s device to ensure
    synchronization across multiple devices (once a group is created on one device, all devices instantly detect the created group)."
  Source: reference extract §12 rules 116 and 119, §5.1 ([DTS]).

  @rule:events.group-list-updated-carries-the-list @type:Work @type:Public @type:Meeting @type:Community
  Rule: GROUP_LIST_UPDATED carries the receiving user's whole group list as Group objects
    Quote: "console.log(event.data);// Array that stores Group instances" (Web SDK, Group Management, https://trtc.io/document/48465)
    Quote: "`GROUP_LIST_UPDATED='onGroupListUpdated'` (data: Group[])" (npm package @tencentcloud/chat 3.6.6 index.d.ts,
    https://www.npmjs.com/package/@tencentcloud/chat)

    Scenario: bob is added to a second group and receives both groups
      Given alice and bob are logged in
      And alice has created a Work group "W" with members bob
      And alice has created a Public group "P"
      When the app admin adds bob to "P"
      Then it succeeds
      And the latest group list bob received holds exactly "W, P"

    Scenario Outline: The Group objects bob receives when he joins <article> <type> group are those getGroupList returns
      Given alice is logged in
      And bob is logged in on his phone and his laptop
      And alice has created a Work group "W" with members bob
      And alice has created <article> <type> group "G" with:
        | joinOption       | FreeAccess                          |
        | groupCustomField | [{"key": "level", "value": "gold"}] |
      When the app admin adds bob to "G"
      Then it succeeds
      And the latest group list bob received holds exactly "W, G"
      And the latest group list bob received is the one getGroupList returns

      Examples:
        | article | type      |
        | a       | Work      |
        | a       | Public    |
        | a       | Meeting   |
        | a       | Community |

    Scenario Outline: After a profile change in <article> <type> group, the pushed list again equals the pulled one
      Given alice and bob are logged in
      And alice has created <article> <type> group "G" with members bob
      When alice updates "G" with:
        | introduction | New intro |
      Then it succeeds
      And the latest group list bob received is the one getGroupList returns
      And the latest group list alice received is the one getGroupList returns

      Examples:
        | article | type      |
        | a       | Work      |
        | a       | Public    |
        | a       | Meeting   |
        | a       | Community |

    Scenario: bob quits one of his groups and receives the rest
      Given alice and bob are logged in
      And alice has created a Work group "W" with members bob
      And alice has created a Public group "P"
      And bob belongs to "P"
      When bob quits "P"
      Then it succeeds
      And the latest group list bob received holds exactly "W"

  @rule:events.created-group-reaches-every-device @type:Public @type:Work
  Rule: A group created on one device is detected at once by all the owner's devices
    Quote: "After the group is created, a system message about the group creation is sent to the group owner‘s device to ensure
    synchronization across multiple devices (once a group is created on one device, all devices instantly detect the created group)."
    (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)

    Scenario: alice creates a group on her phone and her laptop learns of it
      Given alice is logged in on her phone and her laptop
      When alice creates a Public group "P"
      Then it succeeds
      And alice on her laptop eventually receives the system notice 6 (group created) about "P"
      And alice on her phone eventually receives the system notice 6 (group created) about "P"
      And alice's group list is eventually updated to include "P"
      And the latest group list alice received holds exactly "P"

    Scenario: Members added at creation learn of the group on every device
      Given alice is logged in
      And bob is logged in on his phone and his laptop
      When alice creates a Work group "W" with members bob
      Then it succeeds
      And bob on his phone eventually receives the system notice 7 (invited) about "W"
      And bob on his laptop eventually receives the system notice 7 (invited) about "W"
      And bob's group list is eventually updated to include "W"

  @rule:events.tips-and-notices-are-messages @type:Public
  Rule: Group tips arrive as TIMGroupTipElem messages in the group's conversation; system notices as TIMGroupSystemNoticeElem in @TIM#SYSTEM
    Quote: "Group tip messages have type `TIMGroupTipElem`; system notices `TIMGroupSystemNoticeElem` in conversation `@TIM#SYSTEM`."
    (reference extract §12 rule 116, [DTS])
    Quote: "Conversation IDs: `GROUP${groupID}`; system conversation `@TIM#SYSTEM`" (npm package @tencentcloud/chat 3.6.6 index.d.ts,
    https://www.npmjs.com/package/@tencentcloud/chat)

    Scenario: A removal gives the others a tip in the group and the removed member a notice in the system conversation
      Given alice, bob and carol are logged in
      And alice has created a Public group "P"
      And bob and carol belong to "P"
      When alice removes bob from "P"
      Then it succeeds
      And carol eventually receives the group tip 3 (member removed) about "P" naming bob
      And the group tip 3 that carol received about "P" is in the conversation "GROUP{{P}}"
      And bob eventually receives the system notice 4 (removed) about "P"
      And the system notice 4 that bob received about "P" is in the conversation "@TIM#SYSTEM"

    Scenario: Tips and notices are SDK Message objects at their resting values: not deleted, modified, revoked or risky
      Given alice, bob and carol are logged in
      And alice has created a Public group "P"
      And bob and carol belong to "P"
      When alice changes the name of "P" to "renamed"
      Then it succeeds
      And bob eventually receives the group tip 6 (profile updated) about "P" carrying:
        """
        {"type": "TIMGroupTipElem", "conversationID": "GROUP{{P}}", "to": "{{P}}", "isSystemMessage": false,
         "status": "success", "nick": "", "avatar": "", "isPeerRead": false, "nameCard": "", "cloudCustomData": "", "isDeleted": false, "isModified": false, "needReadReceipt": false,
         "isBroadcastMessage": false, "isSupportExtension": false, "isRevoked": false, "revoker": "",
         "revokerInfo": {"userID": "", "nick": "", "avatar": ""}, "revokeReason": "", "hasRiskContent": false,
         "payload": {"operatorID": "alice"}}
        """
      When alice makes bob an admin of "P"
      Then it succeeds
      And bob eventually receives the system notice 9 (set as admin) about "P" carrying:
        """
        {"type": "TIMGroupSystemNoticeElem", "conversationID": "@TIM#SYSTEM", "isSystemMessage": true,
         "cloudCustomData": "", "isDeleted": false, "isModified": false, "needReadReceipt": false,
         "isBroadcastMessage": false, "isSupportExtension": false, "isRevoked": false, "revoker": "",
         "revokerInfo": {"userID": "", "nick": "", "avatar": ""}, "revokeReason": "", "hasRiskContent": false,
         "payload": {"operatorID": "alice", "handleMessage": "", "authentication": "", "messageKey": "", "userDefinedField": ""}}
        """

  @rule:events.removal-is-not-kicked-out @type:Public @type:Work
  Rule: Removal from a group is told by a system notice, never by KICKED_OUT, which is about the account's login
    Quote: "`KICKED_OUT='kickedOut'` is **account-level** (kicked offline: `multipleAccount`, `multipleDevice`, `userSigExpired`,
    `REST_API_Kick`), not removal from a group." (npm package @tencentcloud/chat 3.6.6 index.d.ts,
    https://www.npmjs.com/package/@tencentcloud/chat)
    Quote: "When a group member is removed from the group by the group owner or a group admin, the removed member receives a system
    notification stating the removal, and other members in the group also receive an event notification about the removal."
    (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)

    Scenario: A removed member stays logged in and can go on using the SDK
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When alice removes bob from "P"
      Then it succeeds
      And bob eventually receives the system notice 4 (removed) about "P"
      And bob receives no KICKED_OUT event
      And bob's group list does not contain "P"

    Scenario: Members of a dismissed group are not kicked out either
      Given alice and bob are logged in
      And alice has created a Work group "W" with members bob
      When the app admin dismisses "W"
      Then it succeeds
      And bob eventually receives the system notice 5 (group dismissed) about "W"
      And bob receives no KICKED_OUT event
      And alice receives no KICKED_OUT event

  @rule:events.group-list-updated-when-own-list-changes @type:Public @type:AVChatRoom @ambiguous
  Rule: GROUP_LIST_UPDATED goes to the users whose own list changed, not to members who only see a member count change
    Quote: "chat.on(TencentCloudChat.EVENT.GROUP_LIST_UPDATED, onGroupListUpdated);" (Web SDK, Group Management,
    https://trtc.io/document/48465)
    The sources do not say when the event fires; groupspec sends it, unthrottled, to each user whose own group list changed
    (docs/ambiguities.md#a38-group-list-updated-event).

    Scenario: When carol joins, only carol's list is re-sent
      Given alice, bob and carol are logged in
      And alice has created a Meeting group "M"
      And bob belongs to "M"
      When carol joins "M"
      Then the join status is "JoinedSuccess"
      And carol's group list is eventually updated to include "M"
      And bob's group list is not updated
      And alice's group list is not updated

    Scenario: Every device of the user whose list changed hears of it
      Given alice is logged in
      And carol is logged in on her phone and her laptop
      And alice has created a Meeting group "M"
      When carol joins "M"
      Then the join status is "JoinedSuccess"
      And carol's group list is eventually updated to include "M"
      And alice's group list is not updated

    Scenario: Nothing that happens in an AVChatRoom re-sends anyone's group list
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      When bob joins "AV"
      Then the join status is "JoinedSuccess"
      And bob's group list is not updated
      And alice's group list is not updated
      When alice changes the name of "AV" to "Live"
      Then it succeeds
      And bob eventually receives the group tip 6 (group profile updated) about "AV" whose newGroupProfile.name is "Live"
      And bob's group list is not updated

    Scenario: A member who quits gets his list again; the members who stay do not
      Given alice, bob and carol are logged in
      And alice has created a Public group "P"
      And bob and carol belong to "P"
      When bob quits "P"
      Then it succeeds
      And bob's group list is eventually updated to exclude "P"
      And carol's group list is not updated
      And alice's group list is not updated

    Scenario: Setting one's own custom field re-sends one's group list
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When bob sets his own custom field "level" in "P" to "3"
      Then it succeeds
      And bob's group list is eventually updated to include "P"

    Scenario: A name card the app admin sets re-sends that member's group list, and nobody else's
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When the app admin sets the name card of bob in "P" to "Bobby"
      Then it succeeds
      And the name card of bob in "P" is "Bobby"
      And bob's group list is eventually updated to include "P"
      And alice's group list is not updated

  @rule:events.tips-reach-every-member-device @type:Public @ambiguous
  Rule: A group tip reaches every logged-in device of every member, the operator's included, and nobody outside the group, not even the member it removed
    Quote: "When a group member is removed from the group by the group owner or a group admin, the removed member receives a system
    notification stating the removal, and other members in the group also receive an event notification about the removal."
    (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)
    Whether the operator's own devices receive the tip is not documented; groupspec includes them
    (docs/ambiguities.md#a42-delivery-audience).

    Scenario: Both of the operator's devices, both of a member's, and none of a stranger's
      Given alice is logged in on her phone and her laptop
      And bob is logged in on his phone and his laptop
      And carol and nina are logged in
      And alice has created a Public group "P"
      And bob and carol belong to "P"
      When alice removes carol from "P"
      Then it succeeds
      And alice eventually receives the group tip 3 (member removed) about "P" naming carol
      And bob eventually receives the group tip 3 (member removed) about "P" naming carol
      And carol receives no group tip 3 (member removed) about "P"
      And nina receives no group tip 3 (member removed) about "P"

    Scenario: A member who logged out is skipped, and the others still get the tip
      Given alice, bob, carol and dave are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When bob logs out
      And alice updates "P" with:
        | name | Renamed |
      Then it succeeds
      And alice eventually receives the group tip 6 (group profile updated) about "P"

    Scenario: A logged-in user outside a group larger than the users online gets none of its tips
      Given alice, bob and carol are logged in
      And the accounts dave and erin exist
      And alice has created a Public group "P" with members dave and erin
      When alice updates "P" with:
        | name | Renamed |
      Then it succeeds
      And alice eventually receives the group tip 6 (group profile updated) about "P"
      And carol receives no group tip 6 (group profile updated) about "P"
      And bob receives no group tip 6 (group profile updated) about "P"

    Scenario: A member who logs out on one device still gets the tips on the other
      Given alice is logged in
      And bob is logged in on his phone and his laptop
      And alice has created a Public group "P"
      And bob belongs to "P"
      When bob on his laptop logs out
      And alice updates "P" with:
        | name | Renamed |
      Then it succeeds
      And bob on his phone eventually receives the group tip 6 (group profile updated) about "P"
