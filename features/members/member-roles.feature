@area:members
Feature: Setting and cancelling admins
  Source: Product "Group Management", "Modify a group member's profile" (https://www.tencentcloud.com/document/product/1047/33530):
    "The group owner and group administrators can modify in-group roles (set or cancel administrators), mute members,
    and modify the group nickname and member-level custom fields."
  Source: @tencentcloud/chat 3.6.6 index.d.ts, setGroupMemberRole (https://www.npmjs.com/package/@tencentcloud/chat):
    "Only the group owner has the permission to perform this operation."
  Source: Group System (https://intl.cloud.tencent.com/document/product/1047/33529):
    "Work groups do not support the setting of admins by default."

  @rule:members.only-owner-sets-roles @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: Only the owner sets or cancels admins; an admin or member is refused by the SDK with 2681
    Quote: "The group owner and group administrators can modify in-group roles (set or cancel administrators), mute
    members, and modify the group nickname and member-level custom fields." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    Quote: "Only the group owner has the permission to perform this operation." (@tencentcloud/chat 3.6.6 index.d.ts,
    https://www.npmjs.com/package/@tencentcloud/chat)
    The primary document lets admins set roles, but the Web SDK refuses any caller whose local role is not Owner
    with 2681 before a request is sent, so groupspec reads: owner only; a caller outside the group gets 10007; the
    app admin sets roles through REST modify_group_member_info (docs/ambiguities.md#a04-who-sets-admins). Work groups
    and AVChatRooms have no admins, so even their owner is refused, with 10007
    (docs/ambiguities.md#a05-admins-in-work-groups).

    Scenario Outline: Making an ordinary member admin, allowed: the <role> of <article> <type> group makes bob an admin
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      And the actor is the <role> of "G"
      When the actor makes bob an admin of "G"
      Then it succeeds
      And the role of bob in "G" is Admin

      Examples: The owner and the app admin, in the types that have admins
        | role      | article | type      |
        | owner     | a       | Public    |
        | owner     | a       | Meeting   |
        | owner     | a       | Community |
        | app admin | a       | Public    |
        | app admin | a       | Meeting   |
        | app admin | a       | Community |

    Scenario Outline: Making an ordinary member admin, refused: the <role> of <article> <type> group cannot make bob an admin
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      And the actor is the <role> of "G"
      When the actor makes bob an admin of "G"
      Then it fails with code <code> naming "groupID"
      And nothing has changed
      And <unchanged>

      Examples: Admins and members are refused by the SDK
        | role   | article | type       | code | unchanged                                                |
        | admin  | a       | Work       | 2681 | the role of bob in "G" is Member                         |
        | admin  | a       | Public     | 2681 | the role of bob in "G" is Member                         |
        | admin  | a       | Meeting    | 2681 | the role of bob in "G" is Member                         |
        | admin  | an      | AVChatRoom | 2681 | bob receives no system notice 9 (set as admin) about "G" |
        | admin  | a       | Community  | 2681 | the role of bob in "G" is Member                         |
        | member | a       | Work       | 2681 | the role of bob in "G" is Member                         |
        | member | a       | Public     | 2681 | the role of bob in "G" is Member                         |
        | member | a       | Meeting    | 2681 | the role of bob in "G" is Member                         |
        | member | an      | AVChatRoom | 2681 | bob receives no system notice 9 (set as admin) about "G" |
        | member | a       | Community  | 2681 | the role of bob in "G" is Member                         |

      Examples: Non-members are refused by the server
        | role       | article | type       | code  | unchanged                                                |
        | non-member | a       | Work       | 10007 | the role of bob in "G" is Member                         |
        | non-member | a       | Public     | 10007 | the role of bob in "G" is Member                         |
        | non-member | a       | Meeting    | 10007 | the role of bob in "G" is Member                         |
        | non-member | an      | AVChatRoom | 10007 | bob receives no system notice 9 (set as admin) about "G" |
        | non-member | a       | Community  | 10007 | the role of bob in "G" is Member                         |

      Examples: Work groups and AVChatRooms have no admins, whoever asks
        | role      | article | type       | code  | unchanged                                                |
        | owner     | a       | Work       | 10007 | the role of bob in "G" is Member                         |
        | owner     | an      | AVChatRoom | 10007 | bob receives no system notice 9 (set as admin) about "G" |
        | app admin | a       | Work       | 10007 | the role of bob in "G" is Member                         |
        | app admin | an      | AVChatRoom | 10007 | bob receives no system notice 9 (set as admin) about "G" |

    Scenario: An admin cannot cancel another admin
      Given alice and adam are logged in
      And alice has created a Public group "P"
      And adam and eve are admins of "P"
      When adam makes eve an ordinary member of "P"
      Then it fails with code 2681 naming "groupID"
      And nothing has changed
      And the role of eve in "P" is Admin
      When alice makes eve an ordinary member of "P"
      Then it succeeds
      And the role of eve in "P" is Member

    Scenario: The app admin, who is not a member, appoints and cancels an admin, which an admin may not
      Given alice and adam are logged in
      And alice has created a Community group "C"
      And bob belongs to "C"
      And adam is an admin of "C"
      When adam makes bob an admin of "C"
      Then it fails with code 2681 naming "groupID"
      And nothing has changed
      When the app admin makes bob an admin of "C"
      Then it succeeds
      And the role of bob in "C" is Admin
      When the app admin makes bob an ordinary member of "C"
      Then it succeeds
      And the role of bob in "C" is Member

  @rule:members.role-values @type:Public @type:Community
  Rule: setGroupMemberRole accepts only Admin or Member, and Custom in a Community; anything else fails with 2683
    Quote: "`role` not Admin or Member (Custom is also allowed for community groups) → **2683**." (@tencentcloud/chat
    3.6.6 group-module.js, per the SDK surface notes, https://www.npmjs.com/package/@tencentcloud/chat)

    Scenario Outline: The owner of <article> <type> group asks for the role "<role>"
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      When alice sets the role of bob in "G" to "<role>"
      Then it fails with code 2683 naming "role"
      And nothing has changed
      And the role of bob in "G" is Member

      Examples:
        | article | type      | role   |
        | a       | Public    | Owner  |
        | a       | Public    | admin  |
        | a       | Public    | Custom |
        | a       | Community | Owner  |

    Scenario: The owner of a Community gives a member the Custom role
      Given alice is logged in
      And alice has created a Community group "C"
      And bob belongs to "C"
      When alice sets the role of bob in "C" to "Custom"
      Then it succeeds
      And the role of bob in "C" is Custom

  @rule:members.cannot-set-own-role @type:Public
  Rule: Nobody can change their own role: setGroupMemberRole on oneself fails with 2684
    Quote: "setGroupMemberRole on self" (@tencentcloud/chat 3.6.6 group-module.js, error 2684
    CANNOT_SET_SELF_MEMBER_ROLE, per the reference extract, https://www.npmjs.com/package/@tencentcloud/chat)

    Scenario: The owner tries to make herself an ordinary member
      Given alice is logged in
      And alice has created a Public group "P"
      When alice makes alice an ordinary member of "P"
      Then it fails with code 2684 naming "userID"
      And nothing has changed
      And the role of alice in "P" is Owner
      And alice owns "P"

    Scenario: The owner sets the role of another member
      Given alice is logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When alice makes bob an admin of "P"
      Then it succeeds
      And the role of bob in "P" is Admin

  @rule:members.no-admins-in-work-or-avchatroom @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: Work groups and AVChatRooms have no admins; Public, Meeting and Community groups do
    Quote: "Work groups do not support the setting of admins by default." (Group System,
    https://intl.cloud.tencent.com/document/product/1047/33529)
    Setting a role there is refused with 10007, and an Admin asked for in a Work group's createGroup memberList is
    added as a Member (docs/ambiguities.md#a05-admins-in-work-groups, docs/ambiguities.md#a18-avchatroom-roles).

    Scenario Outline: The owner of <article> <type> group makes a member admin
      Given alice and bob are logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      When alice makes bob an admin of "G"
      Then it succeeds
      And the role of bob in "G" is Admin
      And bob eventually receives the system notice 9 (set as admin) about "G"

      Examples:
        | article | type      |
        | a       | Public    |
        | a       | Meeting   |
        | a       | Community |

    Scenario Outline: The owner of <article> <type> group cannot make a member admin
      Given alice and bob are logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      When alice makes bob an admin of "G"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And bob receives no system notice 9 (set as admin) about "G"
      And bob receives no group tip 4 (admin set) about "G"

      Examples:
        | article | type       |
        | a       | Work       |
        | an      | AVChatRoom |

    Scenario: An Admin asked for when creating a Work group is added as a Member
      Given alice and bob are logged in
      And alice has created a Work group "W" with:
        | memberList | [{"userID": "bob", "role": "Admin"}] |
      Then bob is a member of "W"
      And the role of bob in "W" is Member

  @rule:members.role-change-notified @type:Public @type:Community @ambiguous
  Rule: Setting an admin sends tip 4 to the group and notice 9 to the new admin; cancelling sends tip 5 and notice 10
    Quote: "Role changes produce GRP_TIP_MBR_SET_ADMIN (4)/GRP_TIP_MBR_CANCELED_ADMIN (5) and system notices 9/10 to the
    target." (Reference extract §12 rule 77, from the SDK typings and Web "Group Management (Web & Mini Program)" of
    TIM v2, https://github.com/tencentyun/intlcloud-documents)
    See docs/ambiguities.md#a19-tip-numbering and docs/ambiguities.md#a42-delivery-audience. Giving a member the role she
    already has tells nobody (docs/ambiguities.md#a55-changes-that-change-nothing); the Custom role of a Community is no
    admin change and sends none of these.

    Scenario Outline: The owner of <article> <type> group makes bob an admin and then cancels it
      Given alice, bob and carol are logged in
      And alice has created <article> <type> group "G"
      And bob and carol belong to "G"
      When alice makes bob an admin of "G"
      Then it succeeds
      And bob eventually receives the system notice 9 (set as admin) about "G"
      And carol eventually receives the group tip 4 (admin set) about "G" naming bob
      And alice eventually receives the group tip 4 (admin set) about "G" naming bob
      And carol receives no system notice 9 (set as admin) about "G"
      When alice makes bob an ordinary member of "G"
      Then it succeeds
      And the role of bob in "G" is Member
      And bob eventually receives the system notice 10 (admin cancelled) about "G"
      And carol eventually receives the group tip 5 (admin cancelled) about "G" naming bob
      And bob receives no system notice 9 (set as admin) about "G"

      Examples:
        | article | type      |
        | a       | Public    |
        | a       | Community |

    Scenario: Giving a member the role she already has changes nothing and tells nobody
      Given alice, bob and carol are logged in
      And alice has created a Public group "P"
      And bob is an admin of "P"
      And carol belongs to "P"
      When alice makes bob an admin of "P"
      Then it succeeds
      And the role of bob in "P" is Admin
      And alice, bob and carol receive nothing

    Scenario: Making a Community member Custom is no admin change: no tip 4 or 5, no notice 9 or 10
      Given alice, bob and carol are logged in
      And alice has created a Community group "C"
      And bob and carol belong to "C"
      When alice sets the role of bob in "C" to "Custom"
      Then it succeeds
      And the role of bob in "C" is Custom
      And bob's group list is eventually updated to include "C"
      And bob receives no system notice 9 (set as admin) about "C"
      And bob receives no system notice 10 (admin cancelled) about "C"
      And carol receives no group tip 4 (admin set) about "C"
      And carol receives no group tip 5 (admin cancelled) about "C"

  @rule:members.role-change-returns-group-and-member @type:Public
  Rule: setGroupMemberRole resolves the group and the member's new profile
    Quote: "Returns `data.group`, `data.member`." (Web, Group Member Management, per the reference extract,
    https://github.com/tencentyun/intlcloud-documents)

    Scenario: The result carries the new admin's member profile
      Given alice is logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When alice makes bob an admin of "P"
      Then it succeeds
      And the result's member.userID is "bob"
      And the result's member.role is "Admin"
      And the result's group.groupID is the ID of "P"
