@area:create
Feature: What users and devices receive when a group is created
  Source: Product "Group Management", "Caution" (https://www.tencentcloud.com/document/product/1047/33530):
    "After the group is created, a system message about the group creation is sent to the group owner‘s device to
    ensure synchronization across multiple devices (once a group is created on one device, all devices instantly
    detect the created group)."
  Source: Web SDK "Group Management", "Group Event Listener" (https://trtc.io/document/48465):
    "chat.on(TencentCloudChat.EVENT.GROUP_LIST_UPDATED, onGroupListUpdated);"
  Source: the code of @tencentcloud/chat 3.6.6 (https://www.npmjs.com/package/@tencentcloud/chat), as the reference
    extract (§1.2, §5.3, §12 rules 19 and 117) records it.

  @rule:create.creation-notice-to-owner-devices @type:Public @type:AVChatRoom @ambiguous
  Rule: Every device of the new group's owner receives system notice 6 (group created), and nobody else does
    Quote: "After the group is created, a system message about the group creation is sent to the group owner‘s
    device to ensure synchronization across multiple devices (once a group is created on one device, all devices
    instantly detect the created group)." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    Quote: "Group-creation system notice (operationType 6) goes only to the creator." (Reference extract §12 rule 117,
    citing the system-notice table of the TIM v2 Web page "Group Management (Web & Mini Program)",
    https://github.com/tencentyun/intlcloud-documents)
    An AVChatRoom is in no group list, so its creation updates none
    (docs/ambiguities.md#a31-group-list-excludes-avchatroom).

    Scenario: The creator's phone and laptop both hear of the group created on her phone
      Given alice is logged in on her phone and her laptop
      And bob is logged in
      When alice creates a Public group "P" with members bob
      Then it succeeds
      And alice on her phone eventually receives the system notice 6 (group created) about "P"
      And alice on her laptop eventually receives the system notice 6 (group created) about "P"
      And alice's group list is eventually updated to include "P"
      And bob receives no system notice 6 (group created) about "P"

    Scenario: The creator of an AVChatRoom is told on every device, though no group list shows the room
      Given alice is logged in on her phone and her laptop
      When alice creates an AVChatRoom group "AV"
      Then it succeeds
      And alice on her phone eventually receives the system notice 6 (group created) about "AV"
      And alice on her laptop eventually receives the system notice 6 (group created) about "AV"
      And alice's group list is not updated
      And alice's group list does not contain "AV"

  @rule:create.members-notified @type:Work @type:Public @ambiguous
  Rule: Users added through memberList receive system notice 7 (invited) and an updated group list, and no join tip
    Quote: "You can specify the group type, name, and a list of users to add to the group." (Product, Group
    Management, https://www.tencentcloud.com/document/product/1047/33530)
    No source says what the members named at creation receive; groupspec reads it as an invitation
    (docs/ambiguities.md#a41-creation-members-notified).

    Scenario: The members named at creation are told they were invited, on every device
      Given alice is logged in
      And bob is logged in on his phone and his laptop
      And carol is logged in
      When alice creates a Work group "W" with members bob and carol
      Then it succeeds
      And bob on his phone eventually receives the system notice 7 (invited) about "W"
      And bob on his laptop eventually receives the system notice 7 (invited) about "W"
      And carol eventually receives the system notice 7 (invited) about "W"
      And bob's group list is eventually updated to include "W"
      And carol's group list is eventually updated to include "W"
      And alice receives no system notice 7 (invited) about "W"
      And bob receives no group tip 1 (member joined) about "W"
      And bob receives no system notice 6 (group created) about "W"

  @rule:create.group-create-message @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community
  Rule: After creating any group but an AVChatRoom or a topic-enabled Community, the SDK sends a group_create message into it
    Quote: "After creating any group other than an AVChatRoom or a topic-enabled Community, the Web SDK sends a
    `group_create` custom message into it and emits GROUP_LIST_UPDATED." (Reference extract §12 rule 19, citing the
    code of @tencentcloud/chat 3.6.6, https://www.npmjs.com/package/@tencentcloud/chat)
    Quote: "the SDK sends a custom group message with payload `data = JSON.stringify({businessID:"group_create",
    content:"Create Group"|"Create Community", cmd:0|1, opUser:<nick or userID>, version:4})`" (Reference SDK surface,
    createGroup, the code of @tencentcloud/chat 3.6.6)
    The message reaches the other members' devices and the creator's other devices; the device that sent it sees it
    as sent, not received. opUser is the creator's nick, or her userID when she has none.

    Scenario Outline: Creating <article> <type> group: who receives the group_create message
      Given alice is logged in on her phone and her laptop
      And bob is logged in
      When alice creates <article> <type> group "G" with members bob
      Then it succeeds
      And <bob hears>
      And <laptop hears>
      And alice on her phone receives no group_create message in "G"

      Examples:
        | article | type       | bob hears                                               | laptop hears                                                            |
        | a       | Work       | bob eventually receives the group_create message in "G" | alice on her laptop eventually receives the group_create message in "G" |
        | a       | Public     | bob eventually receives the group_create message in "G" | alice on her laptop eventually receives the group_create message in "G" |
        | a       | Meeting    | bob eventually receives the group_create message in "G" | alice on her laptop eventually receives the group_create message in "G" |
        | an      | AVChatRoom | bob receives no group_create message in "G"             | alice on her laptop receives no group_create message in "G"             |
        | a       | Community  | bob eventually receives the group_create message in "G" | alice on her laptop eventually receives the group_create message in "G" |

    Scenario Outline: The group_create message of <article> <type> group says what was created, as the SDK writes it
      Given alice and bob are logged in
      When alice creates <article> <type> group "G" with members bob
      Then it succeeds
      And bob eventually receives the group_create message in "G" whose data holds {"businessID": "group_create", "content": "<content>", "cmd": <cmd>, "opUser": "alice", "version": 4}

      Examples:
        | article | type      | content          | cmd |
        | a       | Public    | Create Group     | 0   |
        | a       | Community | Create Community | 1   |

    Scenario: The group_create message names a creator who has a nick by her nick
      When the app admin calls importAccount with:
        """
        {"userID": "alice", "nick": "Alice A"}
        """
      Then it succeeds
      Given alice and bob are logged in
      When alice creates a Public group "G" with members bob
      Then it succeeds
      And bob eventually receives the group_create message in "G" whose data holds {"opUser": "Alice A"}

    Scenario: A topic-enabled Community gets no group_create message
      Given alice is logged in on her phone and her laptop
      And bob is logged in
      When alice creates a Community group "T" with:
        | isSupportTopic | true                  |
        | memberList     | [{"userID": "bob"}]   |
      Then it succeeds
      And bob is a member of "T"
      And bob receives no group_create message in "T"
      And alice on her laptop receives no group_create message in "T"
      And bob's group list is eventually updated to include "T"
