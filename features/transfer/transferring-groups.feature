@area:transfer
Feature: Transferring a group to a new owner
  Source: Web SDK "Group Management", "Transferring a Group" (https://trtc.io/document/48465):
    "Only group owners have the permission to transfer groups. Audio-video groups
    (TencentCloudChat.TYPES.GRP_AVCHATROOM) cannot be transferred."
    "console.log(imResponse.data.group); // Group profile"
  Source: Product "Group Management", "Transfer group" (https://www.tencentcloud.com/document/product/1047/33530):
    "This operation transfers a group and changes the group owner to another user."
    "The app admin can transfer a group through the RESTful API. The only other role that can transfer a group is the group owner."
  Source: reference extract §12 rules 51–56 and 126 ([BUNDLE], [R-OWNER]).

  @rule:transfer.only-owner-transfers @type:Work @type:Public @type:Meeting @type:Community @type:AVChatRoom
  Rule: Among the group's users only the owner may transfer it; the app admin may too
    Quote: "Only group owners have the permission to transfer groups." (Web SDK, Group Management, https://trtc.io/document/48465)
    Quote: "The app admin can transfer a group through the RESTful API. The only other role that can transfer a group is the group owner."
    (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)
    A caller who is not the owner is refused with 10007; AVChatRooms are refused before the caller's role is looked at
    (see the rule transfer.avchatroom-cannot-be-transferred).

    Scenario: An admin of a Public group cannot hand it over
      Given alice, bob and carol are logged in
      And alice has created a Public group "P"
      And carol is an admin of "P"
      And bob belongs to "P"
      When carol transfers "P" to bob
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And alice owns "P"
      And the role of carol in "P" is Admin
      And bob receives no group tip 6 (group profile updated) about "P"

    Scenario Outline: Transferring to an ordinary member, by role and type: <role> in <article> <type> group
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      And the actor is the <role> of "G"
      When the actor transfers "G" to bob
      Then <outcome>
      And <owner> owns "G"

      Examples: The owner may transfer every type but AVChatRoom
        | role  | article | type       | outcome                                  | owner |
        | owner | a       | Work       | it succeeds                              | bob   |
        | owner | a       | Public     | it succeeds                              | bob   |
        | owner | a       | Meeting    | it succeeds                              | bob   |
        | owner | a       | Community  | it succeeds                              | bob   |
        | owner | an      | AVChatRoom | it fails with code 2620 naming "groupID" | alice |

      Examples: Admins, members and non-members may not
        | role       | article | type       | outcome                                   | owner |
        | admin      | a       | Work       | it fails with code 10007 naming "groupID" | alice |
        | admin      | a       | Public     | it fails with code 10007 naming "groupID" | alice |
        | admin      | a       | Meeting    | it fails with code 10007 naming "groupID" | alice |
        | admin      | a       | Community  | it fails with code 10007 naming "groupID" | alice |
        | admin      | an      | AVChatRoom | it fails with code 2620 naming "groupID"  | alice |
        | member     | a       | Work       | it fails with code 10007 naming "groupID" | alice |
        | member     | a       | Public     | it fails with code 10007 naming "groupID" | alice |
        | member     | a       | Meeting    | it fails with code 10007 naming "groupID" | alice |
        | member     | a       | Community  | it fails with code 10007 naming "groupID" | alice |
        | member     | an      | AVChatRoom | it fails with code 2620 naming "groupID"  | alice |
        | non-member | a       | Work       | it fails with code 10007 naming "groupID" | alice |
        | non-member | a       | Public     | it fails with code 10007 naming "groupID" | alice |
        | non-member | a       | Meeting    | it fails with code 10007 naming "groupID" | alice |
        | non-member | a       | Community  | it fails with code 10007 naming "groupID" | alice |
        | non-member | an      | AVChatRoom | it fails with code 2620 naming "groupID"  | alice |

      Examples: The app admin may transfer any group but an AVChatRoom
        | role      | article | type       | outcome                                   | owner |
        | app admin | a       | Work       | it succeeds                               | bob   |
        | app admin | a       | Public     | it succeeds                               | bob   |
        | app admin | a       | Meeting    | it succeeds                               | bob   |
        | app admin | a       | Community  | it succeeds                               | bob   |
        | app admin | an      | AVChatRoom | it fails with code 10007 naming "groupID" | alice |

  @rule:transfer.app-admin-transfers-without-membership @type:Work @type:Public @ambiguous
  Rule: The app admin transfers a group through REST without being one of its members
    Quote: "The app admin can transfer a group through the RESTful API." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    A transfer to the current owner changes nothing and tells nobody (docs/ambiguities.md#a55-changes-that-change-nothing).

    Scenario: The app admin hands a Work group from its owner to a member
      Given alice and bob are logged in
      And alice has created a Work group "W" with members bob
      When the app admin transfers "W" to bob
      Then it succeeds
      And the result's ownerID is "bob"
      And bob owns "W"
      And the role of alice in "W" is Member
      And "W" has 2 members

    Scenario: Handing a group to its current owner answers the group and owner, and tells nobody
      Given alice and bob are logged in
      And alice has created a Public group "P" with members bob
      When the app admin transfers "P" to alice
      Then it succeeds
      And the result's groupID is the ID of "P"
      And the result's ownerID is "alice"
      And alice owns "P"
      And the role of bob in "P" is Member
      And alice and bob receive nothing

  @rule:transfer.avchatroom-cannot-be-transferred @type:AVChatRoom
  Rule: An AVChatRoom cannot be transferred: the SDK refuses with 2620, REST with 10007
    Quote: "Audio-video groups (TencentCloudChat.TYPES.GRP_AVCHATROOM) cannot be transferred." (Web SDK, Group Management,
    https://trtc.io/document/48465)
    Quote: "`changeGroupOwner` on AVChatRoom fails (Web 2620; REST 10007)." (reference extract §12 rule 52, [BUNDLE], [R-OWNER];
    npm package @tencentcloud/chat 3.6.6, https://www.npmjs.com/package/@tencentcloud/chat)

    Scenario: The owner of an AVChatRoom cannot hand it to a viewer
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      When alice transfers "AV" to bob
      Then it fails with code 2620 naming "groupID"
      And nothing has changed
      And alice owns "AV"
      And bob receives no group tip 6 (group profile updated) about "AV"

    Scenario: The app admin cannot transfer an AVChatRoom either
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      When the app admin transfers "AV" to bob
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And alice owns "AV"

  @rule:transfer.not-to-oneself @type:Public @type:Work
  Rule: The owner cannot transfer a group to themselves (2621)
    Quote: "`changeGroupOwner` to oneself fails with 2621." (reference extract §12 rule 53, [BUNDLE]; @tencentcloud/chat 3.6.6,
    https://www.npmjs.com/package/@tencentcloud/chat)

    Scenario Outline: The owner of <article> <type> group names themselves as the new owner
      Given alice and bob are logged in
      And alice has created <article> <type> group "G" with members bob
      When alice transfers "G" to alice
      Then it fails with code 2621 naming "newOwnerID"
      And nothing has changed
      And alice owns "G"
      And the role of alice in "G" is Owner
      And bob receives no group tip 6 (group profile updated) about "G"

      Examples:
        | article | type   |
        | a       | Public |
        | a       | Work   |

  @rule:transfer.new-owner-must-be-member @type:Public @type:Work @ambiguous
  Rule: The new owner must already be a member of the group; a non-member is refused with 10004
    Quote: "The new group owner must be a member of the group" (REST API, Change Group Owner, https://trtc.io/document/34966)
    No source gives the code; groupspec reads it as 10004, for the SDK and for REST alike
    (docs/ambiguities.md#a29-transfer-to-non-member-code).

    Scenario: The owner names a user who is not in the group
      Given alice and carol are logged in
      And alice has created a Public group "P"
      When alice transfers "P" to carol
      Then it fails with code 10004 naming "newOwnerID"
      And nothing has changed
      And alice owns "P"
      And carol is not a member of "P"

    Scenario: The app admin names a user who is not in the group
      Given alice and carol are logged in
      And alice has created a Work group "W"
      When the app admin transfers "W" to carol
      Then it fails with code 10004 naming "newOwnerID"
      And nothing has changed
      And alice owns "W"
      And carol is not a member of "W"

  @rule:transfer.roles-swap-on-transfer @type:Work @type:Public @type:Meeting @type:Community
  Rule: After a transfer the former owner is an ordinary member, the new owner is Owner and ownerID names them
    Quote: "This operation transfers a group and changes the group owner to another user." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    Quote: "After transfer the previous owner's role is `Member` and the new owner's is `Owner`; `group.ownerID` updates."
    (reference extract §12 rule 55, [BUNDLE]; @tencentcloud/chat 3.6.6, https://www.npmjs.com/package/@tencentcloud/chat)

    Scenario Outline: Ownership of <article> <type> group moves from alice to bob
      Given alice and bob are logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      When alice transfers "G" to bob
      Then it succeeds
      And the role of bob in "G" is Owner
      And the role of alice in "G" is Member
      And the ownerID of "G" is "bob"
      And "G" has 2 members
      When the app admin requests the member list of "G"
      Then the listed member bob has role "Owner"
      And the listed member alice has role "Member"

      Examples:
        | article | type      |
        | a       | Work      |
        | a       | Public    |
        | a       | Meeting   |
        | a       | Community |

    Scenario: An admin who receives the group becomes its owner and the former owner becomes a plain member
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob is an admin of "P"
      When alice transfers "P" to bob
      Then it succeeds
      And the role of bob in "P" is Owner
      And the role of alice in "P" is Member
      When bob makes alice an admin of "P"
      Then it succeeds
      And the role of alice in "P" is Admin

  @rule:transfer.result-carries-the-group @type:Public
  Rule: A successful transfer resolves with the group's profile in data.group, showing the new owner
    Quote: "console.log(imResponse.data.group); // Group profile" (Web SDK, Group Management, https://trtc.io/document/48465)
    Quote: "`changeGroupOwner` resolves `data.group`." (reference extract §12 rule 56)

    Scenario: The former owner's response shows the group now owned by bob
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When alice transfers "P" to bob
      Then it succeeds
      And the result's group.groupID is the ID of "P"
      And the result's group.ownerID is "bob"
      And the result's group.selfInfo.role is "Member"

  @rule:transfer.members-told-of-new-owner @type:Public @type:Work @ambiguous
  Rule: Every member is told of the new owner by a profile-update tip (6) and an updated group list
    Quote: "| 6 | GRP_TIP_GRP_PROFILE_UPDATED | group profile changed (payload.newGroupProfile) |" (@tencentcloud/chat 3.6.6 index.d.ts,
    https://www.npmjs.com/package/@tencentcloud/chat)
    The Web SDK has no tip of its own for a transfer: groupspec reads it as tip 6 with newGroupProfile.ownerID
    (docs/ambiguities.md#a19-tip-numbering), sent to every member's devices (docs/ambiguities.md#a42-delivery-audience).

    Scenario: The new owner and the other members hear of the transfer
      Given alice, bob and carol are logged in
      And alice has created a Public group "P"
      And bob and carol belong to "P"
      When alice transfers "P" to bob
      Then it succeeds
      And bob eventually receives the group tip 6 (group profile updated) about "P" whose newGroupProfile.ownerID is "bob"
      And carol eventually receives the group tip 6 (group profile updated) about "P" whose newGroupProfile.ownerID is "bob"
      And alice eventually receives the group tip 6 (group profile updated) about "P" whose operatorID is "alice"
      And carol's group list is eventually updated to include "P"

    Scenario: A user outside the group hears nothing
      Given alice, bob and dave are logged in
      And alice has created a Work group "W" with members bob
      When alice transfers "W" to bob
      Then it succeeds
      And dave receives no group tip 6 (group profile updated) about "W"
      And dave's group list is not updated

  @rule:transfer.app-admin-gives-ownerless-group-an-owner @type:Public @type:Work
  Rule: The app admin can give an ownerless group an owner through REST change_group_owner
    Quote: "`change_group_owner` | transfer any group; assign owner to an ownerless group; new owner must be a member"
    (REST API, Change Group Owner, https://trtc.io/document/34966)

    Scenario Outline: <Article> <type> group created without an owner gets one
      Given bob is logged in
      And the app admin has created <article> <type> group "G" without an owner
      And bob belongs to "G"
      When the app admin transfers "G" to bob
      Then it succeeds
      And bob owns "G"
      And the role of bob in "G" is Owner
      And bob eventually receives the group tip 6 (group profile updated) about "G" whose newGroupProfile.ownerID is "bob"

      Examples:
        | Article | article | type   |
        | A       | a       | Public |
        | A       | a       | Work   |

    Scenario: Nobody in an ownerless group can transfer it through the SDK
      Given bob and carol are logged in
      And the app admin has created a Public group "G" without an owner
      And bob and carol belong to "G"
      When bob transfers "G" to carol
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And "G" has no owner
