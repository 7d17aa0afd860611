@area:members
Feature: Muting members
  Source: Product "Group Management", "Modify a group member's profile" (https://www.tencentcloud.com/document/product/1047/33530):
    "The group owner and group administrators can modify in-group roles (set or cancel administrators), mute members,
    and modify the group nickname and member-level custom fields."
  Source: @tencentcloud/chat 3.6.6 index.d.ts (https://www.npmjs.com/package/@tencentcloud/chat):
    "If the muting duration is set to 0, the user is unmuted."
    "Muted: muteUntil is later than the current time"
  Source: Web "Group Member Management" (https://github.com/tencentyun/intlcloud-documents):
    "Only the group owner can mute/unmute the admin and ordinary group members."
  Source: REST API "Batch Muting and Unmuting" (https://intl.cloud.tencent.com/document/product/1047/34951):
    "When muted users leave and then enter the group again, they remain muted."

  Sending messages is not modelled, so the effect of a mute is read back from the member's muteUntil (or, in an
  AVChatRoom, which stores no member profiles, from the tip GRP_TIP_MBR_PROFILE_UPDATED, 7, that announces it).

  @rule:members.mute-time-in-seconds @type:Public
  Rule: setGroupMemberMuteTime takes a duration in seconds, and 0 unmutes
    Quote: "If the muting duration is set to 0, the user is unmuted." (@tencentcloud/chat 3.6.6 index.d.ts,
    https://www.npmjs.com/package/@tencentcloud/chat)

    Scenario: The owner mutes a member for ten minutes, then lifts the mute
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When alice mutes bob in "P" for 600 seconds
      Then it succeeds
      And the result's member.userID is "bob"
      And the result's group.groupID is the ID of "P"
      And bob is muted in "P" for 600 more seconds
      And bob eventually receives the group tip 7 (member profile updated) about "P"
      When alice unmutes bob in "P"
      Then it succeeds
      And bob is not muted in "P"

    Scenario: The mute tip carries the muted member and the duration
      Given alice, bob and carol are logged in
      And alice has created an AVChatRoom group "AV"
      And bob and carol belong to "AV"
      When alice mutes bob in "AV" for 60 seconds
      Then it succeeds
      And carol eventually receives the group tip 7 (member profile updated) about "AV" whose memberList[0].userID is "bob"
      And carol eventually receives the group tip 7 (member profile updated) about "AV" whose memberList[0].muteTime is 60

  @rule:members.no-muting-in-work-groups @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: Members of a Work group cannot be muted, not even by the app admin; the other types allow muting
    Quote: "unavailable for work groups" (@tencentcloud/chat 3.6.6 index.d.ts, setGroupMemberMuteTime, per the
    reference extract, https://www.npmjs.com/package/@tencentcloud/chat)
    Quote: "The group owner and group administrators can modify in-group roles (set or cancel administrators), mute
    members, and modify the group nickname and member-level custom fields." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    The product page excepts no type; the SDK's typings and the REST pages except Work groups, and groupspec follows
    them. The refusal is 10007 (docs/ambiguities.md#a60-work-group-muting).

    Scenario: Neither the owner nor the app admin can mute a member of a Work group
      Given alice is logged in
      And alice has created a Work group "W" with members bob
      When alice mutes bob in "W" for 60 seconds
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And bob is not muted in "W"
      When the app admin mutes bob in "W" for 60 seconds
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And bob is not muted in "W"

    Scenario Outline: The owner of <article> <type> group mutes a member
      Given alice and bob are logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      When alice mutes bob in "G" for 60 seconds
      Then it succeeds
      And bob eventually receives the group tip 7 (member profile updated) about "G"

      Examples:
        | article | type       |
        | a       | Public     |
        | a       | Meeting    |
        | an      | AVChatRoom |
        | a       | Community  |

    Scenario: The app admin cannot mute a Work group member through modify_group_member_info either
      Given alice is logged in
      And alice has created a Work group "W" with members bob
      When the app admin calls modifyGroupMemberInfo with:
        """
        {"groupID": "{{W}}", "userID": "bob", "muteTime": 60}
        """
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And bob is not muted in "W"

    Scenario: The app admin's refused mute in a Work group leaves the name card sent with it unset
      Given alice is logged in
      And alice has created a Work group "W" with members bob
      When the app admin calls modifyGroupMemberInfo with:
        """
        {"groupID": "{{W}}", "userID": "bob", "nameCard": "Bobby", "muteTime": 60}
        """
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And the name card of bob in "W" is ""

  @rule:members.mute-rights-by-role @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: The owner mutes admins and members, an admin mutes ordinary members only, ordinary members mute nobody
    Quote: "Only the group owner can mute/unmute the admin and ordinary group members." (Web, Group Member Management,
    https://github.com/tencentyun/intlcloud-documents)
    Quote: "Only the admin can mute/unmute ordinary group members." (Web, Group Member Management,
    https://github.com/tencentyun/intlcloud-documents)
    groupspec reads the two sentences as: the owner mutes admins and ordinary members, an admin ordinary members
    only; the app admin has the owner's powers; refusals are 10007. In an AVChatRoom only the owner mutes
    (docs/ambiguities.md#a18-avchatroom-roles); Work groups do not allow muting at all
    (docs/ambiguities.md#a60-work-group-muting).

    Scenario Outline: Muting an ordinary member, allowed: the <role> of <article> <type> group mutes bob
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      And the actor is the <role> of "G"
      When the actor mutes bob in "G" for 60 seconds
      Then it succeeds
      And <effect>

      Examples: Owner and app admin in every type that allows muting
        | role      | article | type       | effect                                                                     |
        | owner     | a       | Public     | bob is muted in "G" for 60 more seconds                                    |
        | owner     | a       | Meeting    | bob is muted in "G" for 60 more seconds                                    |
        | owner     | an      | AVChatRoom | bob eventually receives the group tip 7 (member profile updated) about "G" |
        | owner     | a       | Community  | bob is muted in "G" for 60 more seconds                                    |
        | app admin | a       | Public     | bob is muted in "G" for 60 more seconds                                    |
        | app admin | a       | Meeting    | bob is muted in "G" for 60 more seconds                                    |
        | app admin | an      | AVChatRoom | bob eventually receives the group tip 7 (member profile updated) about "G" |
        | app admin | a       | Community  | bob is muted in "G" for 60 more seconds                                    |

      Examples: Admins, in the types that have admins
        | role  | article | type      | effect                                  |
        | admin | a       | Public    | bob is muted in "G" for 60 more seconds |
        | admin | a       | Meeting   | bob is muted in "G" for 60 more seconds |
        | admin | a       | Community | bob is muted in "G" for 60 more seconds |

    Scenario Outline: Muting an ordinary member, refused: the <role> of <article> <type> group cannot mute bob
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      And the actor is the <role> of "G"
      When the actor mutes bob in "G" for 60 seconds
      Then it fails with code <code> naming "groupID"
      And nothing has changed
      And <unchanged>

      Examples: Nobody mutes in a Work group
        | role       | article | type | code  | unchanged               |
        | owner      | a       | Work | 10007 | bob is not muted in "G" |
        | admin      | a       | Work | 10007 | bob is not muted in "G" |
        | member     | a       | Work | 10007 | bob is not muted in "G" |
        | non-member | a       | Work | 10007 | bob is not muted in "G" |
        | app admin  | a       | Work | 10007 | bob is not muted in "G" |

      Examples: Ordinary members and non-members mute nobody
        | role       | article | type       | code  | unchanged                                                      |
        | member     | a       | Public     | 10007 | bob is not muted in "G"                                        |
        | member     | a       | Meeting    | 10007 | bob is not muted in "G"                                        |
        | member     | an      | AVChatRoom | 10007 | bob receives no group tip 7 (member profile updated) about "G" |
        | member     | a       | Community  | 10007 | bob is not muted in "G"                                        |
        | non-member | a       | Public     | 10007 | bob is not muted in "G"                                        |
        | non-member | a       | Meeting    | 10007 | bob is not muted in "G"                                        |
        | non-member | an      | AVChatRoom | 10007 | bob receives no group tip 7 (member profile updated) about "G" |
        | non-member | a       | Community  | 10007 | bob is not muted in "G"                                        |

      Examples: An AVChatRoom has no admins; only its owner mutes
        | role  | article | type       | code  | unchanged                                                      |
        | admin | an      | AVChatRoom | 10007 | bob receives no group tip 7 (member profile updated) about "G" |

    Scenario Outline: In <article> <type> group the owner mutes an admin, and an admin cannot
      Given alice and adam are logged in
      And alice has created <article> <type> group "G"
      And adam and eve are admins of "G"
      When adam mutes eve in "G" for 60 seconds
      Then it fails with code 10007 naming "userID"
      And nothing has changed
      And eve is not muted in "G"
      When alice mutes eve in "G" for 60 seconds
      Then it succeeds
      And eve is muted in "G" for 60 more seconds

      Examples:
        | article | type      |
        | a       | Public    |
        | a       | Meeting   |
        | a       | Community |

    Scenario: The app admin, who is not a member, mutes an admin, which another admin may not
      Given alice and adam are logged in
      And alice has created a Public group "P"
      And adam and eve are admins of "P"
      When adam mutes eve in "P" for 60 seconds
      Then it fails with code 10007 naming "userID"
      And nothing has changed
      And eve is not muted in "P"
      When the app admin mutes eve in "P" for 60 seconds
      Then it succeeds
      And eve is muted in "P" for 60 more seconds

    Scenario: An admin cannot mute the owner
      Given alice and adam are logged in
      And alice has created a Public group "P"
      And adam is an admin of "P"
      When adam mutes alice in "P" for 60 seconds
      Then it fails with code 10007 naming "userID"
      And nothing has changed
      And alice is not muted in "P"

  @rule:members.cannot-mute-self @type:Public
  Rule: Nobody can mute themselves: setGroupMemberMuteTime on oneself fails with 2685
    Quote: "setGroupMemberMuteTime on self" (@tencentcloud/chat 3.6.6 group-module.js, error 2685 CANNOT_MUTE_SELF,
    per the reference extract, https://www.npmjs.com/package/@tencentcloud/chat)

    Scenario Outline: The <role> of a Public group tries to mute themself
      Given alice is logged in
      And alice has created a Public group "P"
      And the actor is the <role> of "P"
      When the actor mutes <self> in "P" for 60 seconds
      Then it fails with code 2685 naming "userID"
      And nothing has changed
      And <self> is not muted in "P"

      Examples:
        | role  | self  |
        | owner | alice |
        | admin | adam  |

  @rule:members.mute-ends-at-mute-until @type:Public @type:Meeting
  Rule: A mute lasts until muteUntil, the time of the call plus the duration; once the clock passes it, the member is no longer muted
    Quote: "Muted: muteUntil is later than the current time" (@tencentcloud/chat 3.6.6 index.d.ts,
    https://www.npmjs.com/package/@tencentcloud/chat)
    Quote: "A muted member's `muteUntil` is the mute-end timestamp in seconds (≈ time of the call + muteTime); the
    member is muted while `muteUntil` > now and unmuted once it is in the past." (Reference extract §12 rule 84, from
    the SDK typings and Web "Group Member Management", https://www.npmjs.com/package/@tencentcloud/chat)

    Scenario: A one-minute mute runs out after a minute
      Given alice is logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When alice mutes bob in "P" for 60 seconds
      Then it succeeds
      And bob is muted in "P" for 60 more seconds
      When 30 seconds pass
      Then bob is muted in "P" for 30 more seconds
      When 30 seconds pass
      Then bob is not muted in "P"

    Scenario: A new mute replaces the old one
      Given alice is logged in
      And alice has created a Meeting group "M"
      And bob belongs to "M"
      And alice has muted bob in "M" for 600 seconds
      When alice mutes bob in "M" for 60 seconds
      Then it succeeds
      And bob is muted in "M" for 60 more seconds

  @rule:members.mute-survives-leaving @type:Meeting @type:Public
  Rule: A mute persists when the member leaves and comes back
    Quote: "When muted users leave and then enter the group again, they remain muted." (REST API "Batch Muting and
    Unmuting", https://intl.cloud.tencent.com/document/product/1047/34951)

    Scenario: A muted member quits a Meeting group and joins again, still muted
      Given alice and bob are logged in
      And alice has created a Meeting group "M"
      And bob belongs to "M"
      And alice has muted bob in "M" for 600 seconds
      When bob quits "M"
      Then it succeeds
      When 100 seconds pass
      And bob joins "M"
      Then the join status is "JoinedSuccess"
      And bob is muted in "M" for 500 more seconds

    Scenario: A muted member removed from a Public group and added back is still muted
      Given alice is logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      And alice has muted bob in "P" for 600 seconds
      When alice removes bob from "P"
      Then it succeeds
      When the app admin adds bob to "P"
      Then it succeeds
      And bob is muted in "P" for 600 more seconds

  @rule:members.rest-permanent-mute @type:Public
  Rule: Through REST, a mute of 4294967295 seconds is permanent
    Quote: "REST `MuteTime` 4294967295 means permanent mute." (Reference extract §12 rule 87, from REST API "Batch
    Muting and Unmuting", https://intl.cloud.tencent.com/document/product/1047/34951)

    Scenario: The app admin mutes a member for good
      Given alice is logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When the app admin mutes bob in "P" for 4294967295 seconds
      Then it succeeds
      And bob is muted in "P" for 4294967295 more seconds
      When 31536000 seconds pass
      Then bob is muted in "P" for 4263431295 more seconds
