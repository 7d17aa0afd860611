@area:invite
Feature: Inviting users into a group, by group type and invite option
  Source: Product "Group Management", "Invite to a group" (https://www.tencentcloud.com/document/product/1047/33530):
    "For a work group, any group member can invite non-members to the group, and invitees are added to the group without confirmation."
    "For a public group or meeting group, only the app admin can invite non-members to the group by default."
    "For an AVChatRoom, no member is allowed to invite any user to the group."
    "For a community group, any group member can invite non-members to the group, and invitees are added to the group without confirmation."
  Source: Web SDK "Group Management", "Creating a Group", option inviteOption (https://trtc.io/document/48465):
    "TencentCloudChat.TYPES.INVITE_OPTIONS_FREE_ACCESS: allow free group inviting"
    "TencentCloudChat.TYPES.INVITE_OPTIONS_NEED_PERMISSION: require approval for group inviting"
    "TencentCloudChat.TYPES.INVITE_OPTIONS_DISABLE_INVITE: forbid group inviting"

  The permission grid of addGroupMember (owner, admin, member, non-member and app admin in each of the five
  types) is split over the four per-type rules below; every Outline uses the same steps. In Work groups and
  AVChatRooms there are no admins (docs/ambiguities.md#a05-admins-in-work-groups), so "the admin" acts there as
  an ordinary member.

  @rule:invite.work-any-member-invites @type:Work @ambiguous
  Rule: In a Work group any member adds users directly, without their consent
    Quote: "For a work group, any group member can invite non-members to the group, and invitees are added to the group
    without confirmation." (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)
    A Work group always reports inviteOption FreeAccess, and an inviteOption asked for at creation is ignored
    (docs/ambiguities.md#a45-work-avchatroom-invite-option). A non-member's invitation is refused with 10007
    (docs/ambiguities.md#a28-invite-refused-code).

    Scenario: An ordinary member adds a user, who joins at once without being asked
      Given alice, mia and bob are logged in
      And alice has created a Work group "W" with members mia
      When mia adds bob to "W"
      Then it succeeds
      And the result's successUserIDList lists bob
      And bob is a member of "W"
      And the role of bob in "W" is Member
      And "W" has 3 members
      And bob eventually receives the system notice 7 (invited) about "W"
      When alice lists her pending applications
      Then the result's applicationList is empty

    Scenario: A Work group ignores an inviteOption asked for at creation
      Given alice and mia are logged in
      And the account bob exists
      And alice has created a Work group "W" with:
        | inviteOption | DisableInvite       |
        | memberList   | [{"userID": "mia"}] |
      Then the inviteOption of "W" is "FreeAccess"
      When mia adds bob to "W"
      Then it succeeds
      And bob is a member of "W"

    Scenario Outline: Adding members, allowed: the <role> of <article> <type> group adds bob
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And the account bob exists
      And the actor is the <role> of "G"
      When the actor adds bob to "G"
      Then it succeeds
      And bob is a member of "G"

      Examples: Every member of a Work group, and the app admin
        | role      | article | type |
        | owner     | a       | Work |
        | admin     | a       | Work |
        | member    | a       | Work |
        | app admin | a       | Work |

    Scenario Outline: Adding members, refused: the <role> of <article> <type> group cannot add bob
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And the account bob exists
      And the actor is the <role> of "G"
      When the actor adds bob to "G"
      Then it fails with code <code> naming "groupID"
      And nothing has changed
      And bob is not a member of "G"

      Examples: A non-member of a Work group
        | role       | article | type | code  |
        | non-member | a       | Work | 10007 |

  @rule:invite.public-and-meeting-need-invite-option @type:Public @type:Meeting @ambiguous
  Rule: In Public and Meeting groups only the app admin adds users, unless the group's inviteOption allows members to
    Quote: "For a public group or meeting group, only the app admin can invite non-members to the group by default."
    (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)
    groupspec reads "by default" as inviteOption DisableInvite, the default of every Public and Meeting group, and
    refuses every SDK caller, owner included, with 10007; the app admin adds through REST
    (docs/ambiguities.md#a01-invites-public-meeting, docs/ambiguities.md#a28-invite-refused-code).

    Scenario Outline: By default the owner of <article> <type> group cannot add anyone, and the app admin can
      Given alice and bob are logged in
      And alice has created <article> <type> group "G"
      Then the inviteOption of "G" is "DisableInvite"
      When alice adds bob to "G"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And bob is not a member of "G"
      And bob receives no system notice 7 (invited) about "G"
      When the app admin adds bob to "G"
      Then it succeeds
      And bob is a member of "G"
      And bob eventually receives the system notice 7 (invited) about "G"

      Examples:
        | article | type    |
        | a       | Public  |
        | a       | Meeting |

    Scenario Outline: Adding members, allowed: the <role> of <article> <type> group adds bob
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And the account bob exists
      And the actor is the <role> of "G"
      When the actor adds bob to "G"
      Then it succeeds
      And bob is a member of "G"

      Examples: Only the app admin
        | role      | article | type    |
        | app admin | a       | Public  |
        | app admin | a       | Meeting |

    Scenario Outline: Adding members, refused: the <role> of <article> <type> group cannot add bob
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And the account bob exists
      And the actor is the <role> of "G"
      When the actor adds bob to "G"
      Then it fails with code <code> naming "groupID"
      And nothing has changed
      And bob is not a member of "G"

      Examples: Owner, admin, member and non-member alike
        | role       | article | type    | code  |
        | owner      | a       | Public  | 10007 |
        | admin      | a       | Public  | 10007 |
        | member     | a       | Public  | 10007 |
        | non-member | a       | Public  | 10007 |
        | owner      | a       | Meeting | 10007 |
        | admin      | a       | Meeting | 10007 |
        | member     | a       | Meeting | 10007 |
        | non-member | a       | Meeting | 10007 |

  @rule:invite.nobody-invites-into-avchatroom @type:AVChatRoom @ambiguous
  Rule: Nobody, not even the app admin, may add members to an AVChatRoom
    Quote: "For an AVChatRoom, no member is allowed to invite any user to the group." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    The SDK refuses on the client with 2661; the app admin's REST add_group_member is refused with 10007
    (docs/ambiguities.md#a28-invite-refused-code). An AVChatRoom's inviteOption is DisableInvite and cannot be
    changed (docs/ambiguities.md#a45-work-avchatroom-invite-option).

    Scenario: The owner's invitation is refused by the SDK, the app admin's by the server
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      Then the inviteOption of "AV" is "DisableInvite"
      When alice adds bob to "AV"
      Then it fails with code 2661 naming "groupID"
      And nothing has changed
      And bob is not a member of "AV"
      When the app admin adds bob to "AV"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And bob is not a member of "AV"
      And bob receives no system notice 7 (invited) about "AV"

    Scenario: An inviteOption asked for at creation does not open an AVChatRoom to invitations
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV" with:
        | inviteOption | FreeAccess |
      Then the inviteOption of "AV" is "DisableInvite"
      When alice adds bob to "AV"
      Then it fails with code 2661 naming "groupID"
      And nothing has changed

    Scenario Outline: Adding members, refused: the <role> of <article> <type> group cannot add bob
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And the account bob exists
      And the actor is the <role> of "G"
      When the actor adds bob to "G"
      Then it fails with code <code> naming "groupID"
      And nothing has changed
      And bob is not a member of "G"

      Examples: Everyone, the app admin too
        | role       | article | type       | code  |
        | owner      | an      | AVChatRoom | 2661  |
        | admin      | an      | AVChatRoom | 2661  |
        | member     | an      | AVChatRoom | 2661  |
        | non-member | an      | AVChatRoom | 2661  |
        | app admin  | an      | AVChatRoom | 10007 |

    Scenario: An AVChatRoom's invite option stays DisableInvite when its owner sets another
      Given alice is logged in
      And alice has created an AVChatRoom group "AV"
      When alice updates "AV" with:
        | inviteOption | FreeAccess |
      Then it succeeds
      And the inviteOption of "AV" is "DisableInvite"

  @rule:invite.community-any-member-invites @type:Community @ambiguous
  Rule: In a Community any member adds users directly, without their consent
    Quote: "For a community group, any group member can invite non-members to the group, and invitees are added to the
    group without confirmation." (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)
    The native headers say Communities allow no invitations; groupspec follows the primary document: a Community's
    inviteOption defaults to FreeAccess and can be changed (docs/ambiguities.md#a02-invites-community). A non-member's
    invitation is refused with 10007 (docs/ambiguities.md#a28-invite-refused-code).

    Scenario: An ordinary member adds a user, who joins at once without being asked
      Given alice, mia and bob are logged in
      And alice has created a Community group "C"
      And mia belongs to "C"
      Then the inviteOption of "C" is "FreeAccess"
      When mia adds bob to "C"
      Then it succeeds
      And the result's successUserIDList lists bob
      And bob is a member of "C"
      And bob eventually receives the system notice 7 (invited) about "C"
      When alice lists her pending applications
      Then the result's applicationList is empty

    Scenario Outline: Adding members, allowed: the <role> of <article> <type> group adds bob
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And the account bob exists
      And the actor is the <role> of "G"
      When the actor adds bob to "G"
      Then it succeeds
      And bob is a member of "G"

      Examples: Every member of a Community, and the app admin
        | role      | article | type      |
        | owner     | a       | Community |
        | admin     | a       | Community |
        | member    | a       | Community |
        | app admin | a       | Community |

    Scenario Outline: Adding members, refused: the <role> of <article> <type> group cannot add bob
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And the account bob exists
      And the actor is the <role> of "G"
      When the actor adds bob to "G"
      Then it fails with code <code> naming "groupID"
      And nothing has changed
      And bob is not a member of "G"

      Examples: A non-member of a Community
        | role       | article | type      | code  |
        | non-member | a       | Community | 10007 |

  @rule:invite.free-access-option-lets-members-invite @type:Public @type:Meeting @type:Community @ambiguous
  Rule: With inviteOption FreeAccess every member adds users directly
    Quote: "TencentCloudChat.TYPES.INVITE_OPTIONS_FREE_ACCESS: allow free group inviting" (Web SDK, Group Management,
    https://trtc.io/document/48465)
    The option is set with createGroup or changed by the owner or an admin with updateGroupProfile; non-members
    still cannot add anyone (10007) (docs/ambiguities.md#a01-invites-public-meeting).

    Scenario Outline: An ordinary member of <article> <type> group created with FreeAccess adds a user directly
      Given alice, mia and bob are logged in
      And alice has created <article> <type> group "G" with:
        | inviteOption | FreeAccess |
      And mia belongs to "G"
      Then the inviteOption of "G" is "FreeAccess"
      When mia adds bob to "G"
      Then it succeeds
      And the result's successUserIDList lists bob
      And bob is a member of "G"
      And bob eventually receives the system notice 7 (invited) about "G"

      Examples:
        | article | type    |
        | a       | Public  |
        | a       | Meeting |

    Scenario: The owner opens a Public group to members' invitations after creating it
      Given alice and mia are logged in
      And the account bob exists
      And alice has created a Public group "P"
      And mia belongs to "P"
      When mia adds bob to "P"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      When alice changes the inviteOption of "P" to "FreeAccess"
      Then it succeeds
      And the inviteOption of "P" is "FreeAccess"
      When mia adds bob to "P"
      Then it succeeds
      And bob is a member of "P"

    Scenario: A non-member cannot add anyone to a FreeAccess group
      Given alice and nina are logged in
      And the account bob exists
      And alice has created a Public group "P" with:
        | inviteOption | FreeAccess |
      When nina adds bob to "P"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And bob is not a member of "P"

  @rule:invite.need-permission-option-holds-member-invites-for-approval @type:Public @type:Meeting @type:Community @ambiguous
  Rule: With inviteOption NeedPermission an ordinary member's invitee waits for the owner's or an admin's approval
    Quote: "TencentCloudChat.TYPES.INVITE_OPTIONS_NEED_PERMISSION: require approval for group inviting" (Web SDK, Group
    Management, https://trtc.io/document/48465)
    The owner and admins add users directly. A user invited by an ordinary member becomes a pending application of
    applicationType 2: the user is in none of addGroupMember's result lists, the response has no group, and the
    application waits in the owner's and admins' getGroupApplicationList; approving it adds the user
    (docs/ambiguities.md#a01-invites-public-meeting).

    Scenario Outline: An ordinary member's invitation into <article> <type> group waits for approval
      Given alice, mia and bob are logged in
      And alice has created <article> <type> group "G" with:
        | inviteOption | NeedPermission |
      And mia belongs to "G"
      When mia adds bob to "G"
      Then it succeeds
      And the result's successUserIDList is empty
      And the result's failureUserIDList is empty
      And the result's existedUserIDList is empty
      And the result's overLimitUserIDList is empty
      And the result has no group
      And bob is not a member of "G"
      And bob receives no system notice 7 (invited) about "G"
      When alice lists her pending applications
      Then the result's applicationList has 1 entries
      And the result's applicationList[0].applicationType is 2
      And the result's applicationList[0].userID is "bob"
      And the result's applicationList[0].applicant is "mia"

      Examples:
        | article | type      |
        | a       | Public    |
        | a       | Meeting   |
        | a       | Community |

    Scenario: The owner approves the invitation and the invitee joins
      Given alice, mia and bob are logged in
      And alice has created a Public group "P" with:
        | inviteOption | NeedPermission |
      And mia belongs to "P"
      When mia adds bob to "P"
      Then it succeeds
      When alice approves the application of bob to "P"
      Then it succeeds
      And bob is a member of "P"
      And bob eventually receives the system notice 7 (invited) about "P"
      And mia eventually receives the group tip 1 (member joined) about "P" naming bob
      When alice lists her pending applications
      Then the result's applicationList is empty

    Scenario Outline: The <role> of a NeedPermission group adds a user directly
      Given alice and bob are logged in
      And alice has created a Public group "P" with:
        | inviteOption | NeedPermission |
      And the actor is the <role> of "P"
      When the actor adds bob to "P"
      Then it succeeds
      And the result's successUserIDList lists bob
      And bob is a member of "P"
      And bob eventually receives the system notice 7 (invited) about "P"

      Examples:
        | role  |
        | owner |
        | admin |

    Scenario: A non-member cannot even ask for an invitation into a NeedPermission group
      Given alice and nina are logged in
      And the account bob exists
      And alice has created a Public group "P" with:
        | inviteOption | NeedPermission |
      When nina adds bob to "P"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      When alice lists her pending applications
      Then the result's applicationList is empty

    Scenario: A Public group switched to inviteOption NeedPermission holds an ordinary member's invitation for approval
      Given alice, mia and bob are logged in
      And alice has created a Public group "G"
      And mia belongs to "G"
      When alice changes the inviteOption of "G" to "NeedPermission"
      Then it succeeds
      And the inviteOption of "G" is "NeedPermission"
      When mia adds bob to "G"
      Then it succeeds
      And bob is not a member of "G"
      When alice lists her pending applications
      Then the result's applicationList has 1 entries
      And the result's applicationList[0].userID is "bob"

  @rule:invite.disable-invite-option-forbids-invites @type:Public @type:Meeting @type:Community @ambiguous
  Rule: With inviteOption DisableInvite no SDK user, not even the owner, adds users; the app admin still can
    Quote: "TencentCloudChat.TYPES.INVITE_OPTIONS_DISABLE_INVITE: forbid group inviting" (Web SDK, Group Management,
    https://trtc.io/document/48465)
    The refusal is 10007 (docs/ambiguities.md#a28-invite-refused-code); the app admin's REST add_group_member adds
    whatever the option (docs/ambiguities.md#a01-invites-public-meeting).

    Scenario Outline: The <role> of a Community set to DisableInvite cannot add a user
      Given alice is logged in
      And the account bob exists
      And alice has created a Community group "C" with:
        | inviteOption | DisableInvite |
      And the actor is the <role> of "C"
      When the actor adds bob to "C"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And bob is not a member of "C"

      Examples:
        | role   |
        | owner  |
        | admin  |
        | member |

    Scenario Outline: The app admin adds a user to <article> <type> group set to DisableInvite
      Given alice and bob are logged in
      And alice has created <article> <type> group "G" with:
        | inviteOption | DisableInvite |
      When the app admin adds bob to "G"
      Then it succeeds
      And bob is a member of "G"
      And bob eventually receives the system notice 7 (invited) about "G"

      Examples:
        | article | type      |
        | a       | Public    |
        | a       | Meeting   |
        | a       | Community |

    Scenario: An admin closes a Community to invitations
      Given alice and mia are logged in
      And the account bob exists
      And alice has created a Community group "C"
      And mia belongs to "C"
      And eve is an admin of "C"
      When eve changes the inviteOption of "C" to "DisableInvite"
      Then it succeeds
      And the inviteOption of "C" is "DisableInvite"
      When mia adds bob to "C"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And bob is not a member of "C"
