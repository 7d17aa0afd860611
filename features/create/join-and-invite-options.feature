@area:create
Feature: Join and invite options chosen at creation
  Source: Web SDK "Group Management", "Creating a Group" (https://trtc.io/document/48465):
    "Note: It cannot be modified for TencentCloudChat.TYPES.GRP_WORK, TencentCloudChat.TYPES.GRP_MEETING, and
    TencentCloudChat.TYPES.GRP_AVCHATROOM groups."
    "Work groups cannot be joined on request, and meeting groups and audio-video groups can be joined freely."
    "TencentCloudChat.TYPES.JOIN_OPTIONS_NEED_PERMISSION (approval required)"
    "TencentCloudChat.TYPES.INVITE_OPTIONS_NEED_PERMISSION: require approval for group inviting"
  Source: Web SDK "Group Management", "Joining a Group" (https://trtc.io/document/48465):
    "On request from the user and on approval from the group owner or admin"
  Source: Product "Group Management", "Invite to a group" (https://www.tencentcloud.com/document/product/1047/33530):
    "For a public group or meeting group, only the app admin can invite non-members to the group by default."

  @rule:create.join-option-fixed-by-type @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: joinOption at creation is honoured for Public and Community groups; Work, Meeting and AVChatRoom keep their fixed option
    Quote: "Note: It cannot be modified for TencentCloudChat.TYPES.GRP_WORK, TencentCloudChat.TYPES.GRP_MEETING, and
    TencentCloudChat.TYPES.GRP_AVCHATROOM groups." (Web SDK, Group Management, https://trtc.io/document/48465)
    Quote: "Work groups cannot be joined on request, and meeting groups and audio-video groups can be joined freely."
    (Web SDK, Group Management, https://trtc.io/document/48465)
    Quote: "This is the fixed value for work groups" (@tencentcloud/chat 3.6.6 index.d.ts,
    https://www.npmjs.com/package/@tencentcloud/chat)
    The SDK drops a joinOption it cannot honour, without error. The defaults of Public and Community are groupspec's
    readings (docs/ambiguities.md#a10-public-default-join-option, docs/ambiguities.md#a03-community-join-approval). A
    Work group's refusal of a join request is read as 10007 (docs/ambiguities.md#a24-join-work-group-code). What each
    Public or Community option then does to a join request is the join area's (join.join-option-decides,
    join.community-free-by-default).

    Scenario Outline: <Article> <type> group created without joinOption reports <reported>
      Given alice is logged in
      When alice creates <article> <type> group "G"
      Then it succeeds
      And the result's group.joinOption is "<reported>"
      And the joinOption of "G" is "<reported>"

      Examples:
        | Article | article | type       | reported       |
        | A       | a       | Work       | DisableApply   |
        | A       | a       | Public     | NeedPermission |
        | A       | a       | Meeting    | FreeAccess     |
        | An      | an      | AVChatRoom | FreeAccess     |
        | A       | a       | Community  | FreeAccess     |

    Scenario Outline: <Article> <type> group asked for joinOption <asked> reports <reported>
      Given alice is logged in
      When alice creates <article> <type> group "G" with:
        | joinOption | <asked> |
      Then it succeeds
      And the result's group.joinOption is "<reported>"
      And the joinOption of "G" is "<reported>"

      Examples: Fixed for Work, Meeting and AVChatRoom
        | Article | article | type       | asked          | reported     |
        | A       | a       | Work       | FreeAccess     | DisableApply |
        | A       | a       | Work       | NeedPermission | DisableApply |
        | A       | a       | Meeting    | DisableApply   | FreeAccess   |
        | A       | a       | Meeting    | NeedPermission | FreeAccess   |
        | An      | an      | AVChatRoom | DisableApply   | FreeAccess   |
        | An      | an      | AVChatRoom | NeedPermission | FreeAccess   |

      Examples: Chosen for Public and Community
        | Article | article | type      | asked          | reported       |
        | A       | a       | Public    | FreeAccess     | FreeAccess     |
        | A       | a       | Public    | DisableApply   | DisableApply   |
        | A       | a       | Community | NeedPermission | NeedPermission |
        | A       | a       | Community | DisableApply   | DisableApply   |

    Scenario: A Meeting group asked to refuse join requests still lets anyone in
      Given alice and bob are logged in
      And alice has created a Meeting group "M" with:
        | joinOption | DisableApply |
      When bob joins "M"
      Then the join status is "JoinedSuccess"
      And bob is a member of "M"
      And "M" has 2 members

    Scenario: A Work group asked for free access still cannot be joined on request
      Given alice and bob are logged in
      And alice has created a Work group "W" with:
        | joinOption | FreeAccess |
      When bob joins "W"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And bob is not a member of "W"

  @rule:create.public-join-needs-approval-by-default @type:Public @ambiguous
  Rule: A Public group created without joinOption is joined on request and approval (NeedPermission)
    Quote: "On request from the user and on approval from the group owner or admin" (Web SDK, Group Management,
    https://trtc.io/document/48465)
    Quote: "The default method is NeedPermission" (REST API, Creating a Group,
    https://intl.cloud.tencent.com/document/product/1047/34895)
    An older Web page gives FreeAccess as the default; groupspec follows the primary document
    (docs/ambiguities.md#a10-public-default-join-option).

    Scenario: A join request to a new Public group waits for the owner's approval
      Given alice and bob are logged in
      And alice has created a Public group "P"
      When bob asks to join "P" saying "hello"
      Then the join status is "WaitAdminApproval"
      And the joinOption of "P" is "NeedPermission"
      And bob is not a member of "P"
      And "P" has 1 member
      And alice eventually receives the system notice 1 (join request) about "P"

  @rule:create.invite-option-at-creation @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: inviteOption at creation is honoured for Public, Meeting and Community groups; Work and AVChatRoom keep theirs
    Quote: "TencentCloudChat.TYPES.INVITE_OPTIONS_NEED_PERMISSION: require approval for group inviting" (Web SDK, Group
    Management, https://trtc.io/document/48465)
    Quote: "For a public group or meeting group, only the app admin can invite non-members to the group by default."
    (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)
    Defaults: Public and Meeting DisableInvite (docs/ambiguities.md#a01-invites-public-meeting), Community FreeAccess
    (docs/ambiguities.md#a02-invites-community); Work is fixed at FreeAccess and AVChatRoom at DisableInvite, and an
    inviteOption given for them is ignored without error (docs/ambiguities.md#a45-work-avchatroom-invite-option).

    Scenario Outline: <Article> <type> group created without inviteOption reports <reported>
      Given alice is logged in
      When alice creates <article> <type> group "G"
      Then it succeeds
      And the result's group.inviteOption is "<reported>"
      And the inviteOption of "G" is "<reported>"

      Examples:
        | Article | article | type       | reported      |
        | A       | a       | Work       | FreeAccess    |
        | A       | a       | Public     | DisableInvite |
        | A       | a       | Meeting    | DisableInvite |
        | An      | an      | AVChatRoom | DisableInvite |
        | A       | a       | Community  | FreeAccess    |

    Scenario Outline: <Article> <type> group asked for inviteOption <asked> reports <reported>
      Given alice is logged in
      When alice creates <article> <type> group "G" with:
        | inviteOption | <asked> |
      Then it succeeds
      And the result's group.inviteOption is "<reported>"
      And the inviteOption of "G" is "<reported>"

      Examples:
        | Article | article | type       | asked          | reported       |
        | A       | a       | Work       | DisableInvite  | FreeAccess     |
        | A       | a       | Public     | NeedPermission | NeedPermission |
        | A       | a       | Meeting    | FreeAccess     | FreeAccess     |
        | An      | an      | AVChatRoom | FreeAccess     | DisableInvite  |
        | A       | a       | Community  | DisableInvite  | DisableInvite  |

    Scenario: A member of a Public group created with inviteOption FreeAccess adds a user directly
      Given alice, bob and carol are logged in
      And alice has created a Public group "P" with:
        | inviteOption | FreeAccess |
      And bob belongs to "P"
      When bob adds carol to "P"
      Then it succeeds
      And the result's successUserIDList lists carol
      And carol is a member of "P"

    Scenario: A member of a Public group created without inviteOption cannot add anyone
      Given alice, bob and carol are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When bob adds carol to "P"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And carol is not a member of "P"
