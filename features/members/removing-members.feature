@area:members
Feature: Removing members from a group
  Source: Product "Group Management", "Delete a group member" (https://www.tencentcloud.com/document/product/1047/33530):
    "The group owner or a group admin removes a group member from the group."
    "When a group member is removed from the group by the group owner or a group admin, the removed member receives a
    system notification stating the removal, and other members in the group also receive an event notification about
    the removal."
  Source: Group System (https://intl.cloud.tencent.com/document/product/1047/33529), an admin's powers:
    "Remove an ordinary member from the group"
  Source: REST API "Deleting Group Members" (https://intl.cloud.tencent.com/document/product/1047/34949):
    "Even if a user to be deleted is not in the group, the API will still return success."

  @rule:members.owner-or-admin-removes @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: The owner or an admin removes an ordinary member; members and non-members cannot
    Quote: "The group owner or a group admin removes a group member from the group." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    The SDK typings say only the owner removes members; groupspec follows the primary document and the Group System
    page: the owner and admins remove ordinary members in Public, Meeting and Community groups, only the owner in
    a Work group (which has no admins), ordinary members nobody (10007), and a caller not in the group gets the SDK's
    2603 (docs/ambiguities.md#a06-who-removes-members). In an AVChatRoom removal is a ban that needs a duration
    (the avchatroom area); without one the SDK refuses with 2686 before it looks at the caller, and REST
    delete_group_member refuses AVChatRooms with 10004 (docs/ambiguities.md#a17-avchatroom-removal).

    Scenario Outline: Removing an ordinary member, allowed: the <role> of <article> <type> group removes bob
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      And the actor is the <role> of "G"
      When the actor removes bob from "G"
      Then it succeeds
      And bob is not a member of "G"

      Examples: The owner, in every type but AVChatRoom
        | role  | article | type      |
        | owner | a       | Work      |
        | owner | a       | Public    |
        | owner | a       | Meeting   |
        | owner | a       | Community |

      Examples: An admin, in the types that have admins
        | role  | article | type      |
        | admin | a       | Public    |
        | admin | a       | Meeting   |
        | admin | a       | Community |

      Examples: The app admin, in every type but AVChatRoom
        | role      | article | type      |
        | app admin | a       | Work      |
        | app admin | a       | Public    |
        | app admin | a       | Meeting   |
        | app admin | a       | Community |

    Scenario Outline: Removing an ordinary member, refused: the <role> of <article> <type> group cannot remove bob
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      And the actor is the <role> of "G"
      When the actor removes bob from "G"
      Then it fails with code <code>
      And nothing has changed
      And bob is a member of "G"

      Examples: Ordinary members (and a Work group's would-be admin) remove nobody
        | role   | article | type      | code  |
        | admin  | a       | Work      | 10007 |
        | member | a       | Work      | 10007 |
        | member | a       | Public    | 10007 |
        | member | a       | Meeting   | 10007 |
        | member | a       | Community | 10007 |

      Examples: A non-member's SDK does not have the group
        | role       | article | type       | code |
        | non-member | a       | Work       | 2603 |
        | non-member | a       | Public     | 2603 |
        | non-member | a       | Meeting    | 2603 |
        | non-member | an      | AVChatRoom | 2603 |
        | non-member | a       | Community  | 2603 |

      Examples: An AVChatRoom member is removed only by a ban with a duration, never through REST
        | role      | article | type       | code  |
        | owner     | an      | AVChatRoom | 2686  |
        | admin     | an      | AVChatRoom | 2686  |
        | member    | an      | AVChatRoom | 2686  |
        | app admin | an      | AVChatRoom | 10004 |

  @rule:members.removal-returns-group-and-removed-users @type:Public @ambiguous
  Rule: deleteGroupMember resolves the group and the IDs of the users it removed
    Quote: "Returns `data.group`, `data.userIDList`." (Web, Group Member Management, per the reference extract,
    https://github.com/tencentyun/intlcloud-documents)
    Users named in the call who are not members are skipped without error and left out of userIDList
    (docs/ambiguities.md#a30-target-not-member-code).

    Scenario: The owner removes one member and reads the group back
      Given alice is logged in
      And alice has created a Public group "P"
      And bob and carol belong to "P"
      When alice removes bob from "P"
      Then it succeeds
      And the result's userIDList lists bob
      And the result's group.groupID is the ID of "P"
      And the result's group.memberCount is 2
      And "P" has 2 members

    Scenario: A user who is not a member is skipped, not refused
      Given alice is logged in
      And the account zed exists
      And alice has created a Public group "P"
      And bob belongs to "P"
      When alice removes bob and zed from "P"
      Then it succeeds
      And the result's userIDList lists bob
      And bob is not a member of "P"
      And "P" has 1 member

  @rule:members.removed-member-and-others-notified @type:Work @type:Public @type:Meeting @type:Community @ambiguous
  Rule: A removed member receives system notice 4 on every device, and the remaining members receive tip 3 naming them
    Quote: "When a group member is removed from the group by the group owner or a group admin, the removed member
    receives a system notification stating the removal, and other members in the group also receive an event
    notification about the removal." (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)
    The removed member is no longer in the group and gets no tip (docs/ambiguities.md#a42-delivery-audience);
    the tip is GRP_TIP_MBR_KICKED_OUT, 3 (docs/ambiguities.md#a19-tip-numbering). The reason given to
    deleteGroupMember reaches the removed member in the notice's handleMessage, empty when none was given; outside an
    AVChatRoom a duration bans nobody (docs/ambiguities.md#a53-removal-reason-and-duration).

    Scenario Outline: Removal from <article> <type> group is told to the removed member and to the others
      Given alice and carol are logged in
      And bob is logged in on his phone and his laptop
      And alice has created <article> <type> group "G"
      And bob and carol belong to "G"
      When alice removes bob from "G"
      Then it succeeds
      And bob on his phone eventually receives the system notice 4 (removed) about "G"
      And bob on his laptop eventually receives the system notice 4 (removed) about "G"
      And bob's group list is eventually updated to exclude "G"
      And carol eventually receives the group tip 3 (member removed) about "G" naming bob
      And alice eventually receives the group tip 3 (member removed) about "G" naming bob
      And bob receives no group tip 3 (member removed) about "G"
      And carol receives no system notice 4 (removed) about "G"

      Examples:
        | article | type      |
        | a       | Work      |
        | a       | Public    |
        | a       | Meeting   |
        | a       | Community |

    Scenario: Removal by an admin is told in the same way
      Given alice, bob and carol are logged in
      And alice has created a Public group "P"
      And bob and carol belong to "P"
      And eve is an admin of "P"
      When eve removes bob from "P"
      Then it succeeds
      And bob eventually receives the system notice 4 (removed) about "P"
      And carol eventually receives the group tip 3 (member removed) about "P" naming bob

    Scenario: The removed member's notice carries the reason given, and an empty one when none is
      Given alice, bob, carol and dave are logged in
      And alice has created a Public group "P"
      And bob, carol and dave belong to "P"
      When alice calls deleteGroupMember with:
        """
        {"groupID": "{{P}}", "userIDList": ["bob"], "reason": "spam"}
        """
      Then it succeeds
      And bob eventually receives the system notice 4 (removed) about "P" carrying:
        """
        {"payload": {"operatorID": "alice", "handleMessage": "spam"}}
        """
      When alice removes carol from "P"
      Then it succeeds
      And carol eventually receives the system notice 4 (removed) about "P" carrying:
        """
        {"payload": {"operatorID": "alice", "handleMessage": ""}}
        """
      And dave receives no system notice 4 (removed) about "P"

    Scenario: A duration outside an AVChatRoom bans nobody: the others get tip 3, not the ban tip 10
      Given alice, bob and carol are logged in
      And alice has created a Meeting group "M"
      And bob and carol belong to "M"
      When alice removes bob from "M" for 60 seconds
      Then it succeeds
      And bob is not a member of "M"
      And carol eventually receives the group tip 3 (member removed) about "M" naming bob
      And carol receives no group tip 10 (member banned) about "M"
      When bob joins "M"
      Then the join status is "JoinedSuccess"
      And bob is a member of "M"

    Scenario: The app admin's removal carries the reason given, and an empty one when none is
      Given alice, bob, carol and dave are logged in
      And alice has created a Public group "P"
      And bob, carol and dave belong to "P"
      When the app admin calls deleteGroupMember with:
        """
        {"groupID": "{{P}}", "userIDList": ["bob"], "reason": "spam"}
        """
      Then it succeeds
      And bob eventually receives the system notice 4 (removed) about "P" carrying:
        """
        {"payload": {"operatorID": "administrator", "handleMessage": "spam"}}
        """
      When the app admin removes carol from "P"
      Then it succeeds
      And carol eventually receives the system notice 4 (removed) about "P" carrying:
        """
        {"payload": {"operatorID": "administrator", "handleMessage": ""}}
        """
      And dave eventually receives the group tip 3 (member removed) about "P" naming carol

  @rule:members.admin-removes-only-members @type:Public @type:Meeting @type:Community
  Rule: An admin removes ordinary members only; only the owner removes an admin, and nobody removes the owner
    Quote: "Remove an ordinary member from the group" (Group System, an admin's powers,
    https://intl.cloud.tencent.com/document/product/1047/33529)
    Quote: "For a non-audio-video group, only the group owner can remove the admin from the group." (Native "Group
    Member Management", https://github.com/tencentyun/intlcloud-documents)
    The app admin, who "has the same permissions as the group owner, whether it is a member of the group or not."
    (Group System, https://intl.cloud.tencent.com/document/product/1047/33529), removes admins too.

    Scenario Outline: An admin of <article> <type> group removes an ordinary member but not another admin
      Given alice and adam are logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      And adam and eve are admins of "G"
      When adam removes eve from "G"
      Then it fails with code 10007 naming "userIDList"
      And nothing has changed
      And the role of eve in "G" is Admin
      When adam removes bob from "G"
      Then it succeeds
      And bob is not a member of "G"

      Examples:
        | article | type      |
        | a       | Public    |
        | a       | Meeting   |
        | a       | Community |

    Scenario Outline: The owner of <article> <type> group removes an admin
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And eve is an admin of "G"
      When alice removes eve from "G"
      Then it succeeds
      And eve is not a member of "G"

      Examples:
        | article | type      |
        | a       | Public    |
        | a       | Meeting   |
        | a       | Community |

    Scenario: The app admin, who is not a member, removes an admin, which another admin may not
      Given alice and adam are logged in
      And alice has created a Community group "C"
      And adam and eve are admins of "C"
      When adam removes eve from "C"
      Then it fails with code 10007 naming "userIDList"
      And nothing has changed
      When the app admin removes eve from "C"
      Then it succeeds
      And eve is not a member of "C"

    Scenario: An admin cannot remove the owner
      Given alice and adam are logged in
      And alice has created a Public group "P"
      And adam is an admin of "P"
      When adam removes alice from "P"
      Then it fails with code 10007 naming "userIDList"
      And nothing has changed
      And alice owns "P"

    Scenario: A call naming an ordinary member and an admin is refused whole
      Given alice and adam are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      And adam and eve are admins of "P"
      When adam removes bob and eve from "P"
      Then it fails with code 10007 naming "userIDList"
      And nothing has changed
      And bob is a member of "P"

    Scenario: The app admin cannot remove the owner
      Given alice is logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When the app admin removes alice from "P"
      Then it fails with code 10007 naming "userIDList"
      And nothing has changed
      And alice owns "P"

  @rule:members.member-cannot-remove @type:Work @type:Public @type:Meeting @type:Community
  Rule: An ordinary member cannot remove anyone
    Quote: "Insufficient operation permission" (Error Codes, 10007, https://intl.cloud.tencent.com/document/product/1047/34348)
    Quote: "a common member in a public group cannot remove a member" (Error Codes, 10007, as quoted in the reference
    extract, https://intl.cloud.tencent.com/document/product/1047/34348)

    Scenario Outline: An ordinary member of <article> <type> group tries to remove another member
      Given alice and mia are logged in
      And alice has created <article> <type> group "G"
      And mia and bob belong to "G"
      When mia removes bob from "G"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And bob is a member of "G"
      And "G" has 3 members

      Examples:
        | article | type      |
        | a       | Work      |
        | a       | Public    |
        | a       | Meeting   |
        | a       | Community |

    Scenario: The owner removes the member the ordinary member could not
      Given alice and mia are logged in
      And alice has created a Public group "P"
      And mia and bob belong to "P"
      When mia removes bob from "P"
      Then it fails with code 10007 naming "groupID"
      When alice removes bob from "P"
      Then it succeeds
      And bob is not a member of "P"

  @rule:members.work-owner-only-removes @type:Work @ambiguous
  Rule: In a Work group only the owner (or the app admin) removes members
    Quote: "只有群主或 APP 管理员" (Native V2TIM headers, V2TIMManager+Group.h, on Work groups: only the owner or the app
    admin, https://github.com/TencentCloud/TIMSDK)
    Work groups have no admins (docs/ambiguities.md#a05-admins-in-work-groups, docs/ambiguities.md#a06-who-removes-members).

    Scenario: The owner removes a member of a Work group, another member cannot
      Given alice and mia are logged in
      And alice has created a Work group "W" with members mia, bob, carol
      When mia removes bob from "W"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And bob is a member of "W"
      When alice removes bob from "W"
      Then it succeeds
      And bob is not a member of "W"
      When the app admin removes carol from "W"
      Then it succeeds
      And carol is not a member of "W"
      And "W" has 2 members

  @rule:members.remove-needs-joined-group @type:Public @type:Work
  Rule: deleteGroupMember on a group that is not in the caller's group list fails with 2603
    Quote: "deleteGroupMember on a group not in local list" (@tencentcloud/chat 3.6.6 group-module.js, error 2603
    CANNOT_FIND_GRP, per the reference extract, https://www.npmjs.com/package/@tencentcloud/chat)

    Scenario: A non-member cannot remove anyone
      Given alice and nina are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When nina removes bob from "P"
      Then it fails with code 2603 naming "groupID"
      And nothing has changed
      And bob is a member of "P"

    Scenario: A member who was removed can no longer remove anyone
      Given alice and carol are logged in
      And alice has created a Work group "W" with members bob, carol
      When alice removes carol from "W"
      Then it succeeds
      When carol removes bob from "W"
      Then it fails with code 2603 naming "groupID"
      And nothing has changed
      And bob is a member of "W"

    Scenario: An unknown group ID is answered from the local list with 2603
      Given alice is logged in
      When alice calls deleteGroupMember with:
        """
        {"groupID": "no-such-group", "userIDList": ["bob"]}
        """
      Then it fails with code 2603 naming "groupID"

  @rule:members.rest-removal-of-non-member-succeeds @type:Public
  Rule: The app admin's delete_group_member succeeds even when the user is not a member
    Quote: "Even if a user to be deleted is not in the group, the API will still return success." (REST API "Deleting
    Group Members", https://intl.cloud.tencent.com/document/product/1047/34949)

    Scenario: The app admin removes a user who is not in the group
      Given alice is logged in
      And the account zed exists
      And alice has created a Public group "P"
      And bob belongs to "P"
      When the app admin removes zed from "P"
      Then it succeeds
      And nothing has changed
      And "P" has 2 members
      And zed is not a member of "P"

    Scenario: Removing only a non-member announces no removal
      Given alice and bob are logged in
      And the account zed exists
      And alice has created a Public group "P"
      And bob belongs to "P"
      When the app admin removes zed from "P"
      Then it succeeds
      And bob receives no group tip 3 (member removed) about "P"
      When alice removes zed from "P"
      Then it succeeds
      And bob receives no group tip 3 (member removed) about "P"

  @rule:members.rest-removal-refused-in-avchatroom @type:AVChatRoom @ambiguous
  Rule: The app admin's delete_group_member is refused in an AVChatRoom with 10004
    Quote: "`delete_group_member` on AV → 10004 while `ban_group_member` is AV-only." (Reference extract §10, from the
    REST API pages, https://intl.cloud.tencent.com/document/product/1047/34949)
    See docs/ambiguities.md#a17-avchatroom-removal.

    Scenario: The app admin cannot delete a viewer from an AVChatRoom
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      When the app admin removes bob from "AV"
      Then it fails with code 10004 naming "groupID"
      And nothing has changed
      And bob is a member of "AV"
