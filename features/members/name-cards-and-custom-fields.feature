@area:members
Feature: Name cards and member custom fields
  Source: Product "Group Management", "Modify a group member's profile" (https://www.tencentcloud.com/document/product/1047/33530):
    "The group owner and group administrators can modify in-group roles (set or cancel administrators), mute members,
    and modify the group nickname and member-level custom fields."
    "Group members can modify their personal profiles in the group, including the message receiving options, group
    nickname, and member-level custom fields."
  Source: @tencentcloud/chat 3.6.6 index.d.ts (https://www.npmjs.com/package/@tencentcloud/chat):
    "The value is the user's own userID by default."
    "The group owner can set the name cards of all members."
    "The group admin can set its own name card and the name cards of common group members."
    "Common group members can only set their own name cards."
  Source: Web "Group Member Profile" (https://github.com/tencentyun/intlcloud-documents):
    "Ordinary group members can only set their own custom fields."

  Message receiving options are not modelled. The group nickname of the product page is the name card.

  @rule:members.name-card-defaults-to-caller @type:Public @type:Work
  Rule: setGroupMemberNameCard without a userID sets the caller's own name card
    Quote: "The value is the user's own userID by default." (@tencentcloud/chat 3.6.6 index.d.ts,
    SET_GROUP_MEMBER_NAME_CARD_OPTIONS.userID, https://www.npmjs.com/package/@tencentcloud/chat)
    Quote: "Group members can modify their personal profiles in the group, including the message receiving options,
    group nickname, and member-level custom fields." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)

    Scenario Outline: An ordinary member of <article> <type> group sets their own name card
      Given alice and bob are logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      When bob sets his own name card in "G" to "Bobby"
      Then it succeeds
      And the result's member.userID is "bob"
      And the result's member.nameCard is "Bobby"
      And the name card of bob in "G" is "Bobby"
      And the name card of alice in "G" is ""
      And bob's group list is eventually updated to include "G"

      Examples:
        | article | type   |
        | a       | Work   |
        | a       | Public |

  @rule:members.name-card-rights @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: The owner sets every name card, an admin its own and ordinary members', an ordinary member only its own
    Quote: "The group owner can set the name cards of all members." (@tencentcloud/chat 3.6.6 index.d.ts,
    https://www.npmjs.com/package/@tencentcloud/chat)
    Quote: "The group admin can set its own name card and the name cards of common group members."
    (@tencentcloud/chat 3.6.6 index.d.ts, https://www.npmjs.com/package/@tencentcloud/chat)
    Quote: "Common group members can only set their own name cards." (@tencentcloud/chat 3.6.6 index.d.ts,
    https://www.npmjs.com/package/@tencentcloud/chat)
    Refusals are 10007. The app admin sets any name card through REST modify_group_member_info. AVChatRooms store no
    member profiles: the SDK refuses name cards there with 2687 whoever asks, REST with 10007
    (docs/ambiguities.md#a18-avchatroom-roles). A target who is not a member is refused with 10004 naming userID
    (docs/ambiguities.md#a30-target-not-member-code).

    Scenario: The owner names a user who is not in the group
      Given alice and carol are logged in
      And alice has created a Public group "P"
      When alice sets the name card of carol in "P" to "Stranger"
      Then it fails with code 10004 naming "userID"
      And nothing has changed
      And carol is not a member of "P"

    Scenario Outline: Setting another member's name card, allowed: the <role> of <article> <type> group names bob
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      And the actor is the <role> of "G"
      When the actor sets the name card of bob in "G" to "Bobby"
      Then it succeeds
      And the name card of bob in "G" is "Bobby"

      Examples: The owner and the app admin, in every type but AVChatRoom
        | role      | article | type      |
        | owner     | a       | Work      |
        | owner     | a       | Public    |
        | owner     | a       | Meeting   |
        | owner     | a       | Community |
        | app admin | a       | Work      |
        | app admin | a       | Public    |
        | app admin | a       | Meeting   |
        | app admin | a       | Community |

      Examples: An admin, in the types that have admins
        | role  | article | type      |
        | admin | a       | Public    |
        | admin | a       | Meeting   |
        | admin | a       | Community |

    Scenario Outline: Setting another member's name card, refused: the <role> of <article> <type> group cannot name bob
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      And the actor is the <role> of "G"
      When the actor sets the name card of bob in "G" to "Bobby"
      Then it fails with code <code>
      And nothing has changed
      And <unchanged>

      Examples: Ordinary members and non-members
        | role       | article | type      | code  | unchanged                         |
        | admin      | a       | Work      | 10007 | the name card of bob in "G" is "" |
        | member     | a       | Work      | 10007 | the name card of bob in "G" is "" |
        | member     | a       | Public    | 10007 | the name card of bob in "G" is "" |
        | member     | a       | Meeting   | 10007 | the name card of bob in "G" is "" |
        | member     | a       | Community | 10007 | the name card of bob in "G" is "" |
        | non-member | a       | Work      | 10007 | the name card of bob in "G" is "" |
        | non-member | a       | Public    | 10007 | the name card of bob in "G" is "" |
        | non-member | a       | Meeting   | 10007 | the name card of bob in "G" is "" |
        | non-member | a       | Community | 10007 | the name card of bob in "G" is "" |

      Examples: AVChatRooms keep no name cards, whoever asks
        | role       | article | type       | code  | unchanged                                                      |
        | owner      | an      | AVChatRoom | 2687  | bob receives no group tip 7 (member profile updated) about "G" |
        | admin      | an      | AVChatRoom | 2687  | bob receives no group tip 7 (member profile updated) about "G" |
        | member     | an      | AVChatRoom | 2687  | bob receives no group tip 7 (member profile updated) about "G" |
        | non-member | an      | AVChatRoom | 2687  | bob receives no group tip 7 (member profile updated) about "G" |
        | app admin  | an      | AVChatRoom | 10007 | bob receives no group tip 7 (member profile updated) about "G" |

    Scenario Outline: An admin of <article> <type> group cannot set another admin's or the owner's name card
      Given alice and adam are logged in
      And alice has created <article> <type> group "G"
      And adam and eve are admins of "G"
      When adam sets the name card of eve in "G" to "Evie"
      Then it fails with code 10007 naming "userID"
      And nothing has changed
      And the name card of eve in "G" is ""
      When adam sets the name card of alice in "G" to "Boss"
      Then it fails with code 10007 naming "userID"
      And nothing has changed
      And the name card of alice in "G" is ""
      When adam sets his own name card in "G" to "Adam"
      Then it succeeds
      And the name card of adam in "G" is "Adam"
      When alice sets the name card of eve in "G" to "Evie"
      Then it succeeds
      And the name card of eve in "G" is "Evie"

      Examples:
        | article | type      |
        | a       | Public    |
        | a       | Meeting   |
        | a       | Community |

    Scenario: The app admin, who is not a member, sets an admin's name card, which another admin may not
      Given alice and adam are logged in
      And alice has created a Meeting group "M"
      And adam and eve are admins of "M"
      When adam sets the name card of eve in "M" to "Evie"
      Then it fails with code 10007 naming "userID"
      And nothing has changed
      And the name card of eve in "M" is ""
      When the app admin sets the name card of eve in "M" to "Evie"
      Then it succeeds
      And the name card of eve in "M" is "Evie"

    Scenario: An ordinary member names itself by its own userID, but nobody else
      Given alice and mia are logged in
      And alice has created a Public group "P"
      And mia and bob belong to "P"
      When mia sets the name card of mia in "P" to "Mia"
      Then it succeeds
      And the name card of mia in "P" is "Mia"
      When mia sets the name card of bob in "P" to "Bobby"
      Then it fails with code 10007 naming "userID"
      And nothing has changed
      And the name card of bob in "P" is ""

  @rule:members.name-card-50-bytes @type:Public @ambiguous
  Rule: A name card holds at most 50 bytes of UTF-8
    Quote: "Name card is at most 50 bytes." (Reference extract §12 rule 91, from "Usage Limits" and REST
    modify_group_member_info, https://github.com/tencentyun/intlcloud-documents)
    A longer card is refused with 10004 naming nameCard, through the SDK and through REST alike
    (docs/ambiguities.md#a11-profile-field-lengths). A CJK character such as 群 counts 3 bytes.

    Scenario Outline: A name card of <bytes> bytes is accepted
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When bob sets his own name card in "P" to "<card>"
      Then it succeeds
      And the name card of bob in "P" is "<card>"

      Examples:
        | bytes | card                                               |
        | 50    | abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwx |
        | 50    | 群群群群群群群群群群群群群群群群ab                 |

    Scenario Outline: A name card of <bytes> bytes is refused
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When bob sets his own name card in "P" to "<card>"
      Then it fails with code 10004 naming "nameCard"
      And nothing has changed
      And the name card of bob in "P" is ""

      Examples:
        | bytes | card                                                |
        | 51    | abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxy |
        | 51    | 群群群群群群群群群群群群群群群群群                  |

    Scenario: The app admin is held to the same limit
      Given alice is logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When the app admin sets the name card of bob in "P" to "群群群群群群群群群群群群群群群群群"
      Then it fails with code 10004 naming "nameCard"
      And nothing has changed
      When the app admin sets the name card of bob in "P" to "群群群群群群群群群群群群群群群群ab"
      Then it succeeds
      And the name card of bob in "P" is "群群群群群群群群群群群群群群群群ab"

    Scenario: The app admin's too-long name card also leaves the role sent with it unchanged
      Given alice is logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When the app admin calls modifyGroupMemberInfo with:
        """
        {"groupID": "{{P}}", "userID": "bob", "role": "Admin", "nameCard": "群群群群群群群群群群群群群群群群群"}
        """
      Then it fails with code 10004 naming "nameCard"
      And nothing has changed
      And the role of bob in "P" is Member

  @rule:members.custom-field-rights @type:Public @type:Community
  Rule: The owner and admins set members' custom fields; an ordinary member sets only its own
    Quote: "Ordinary group members can only set their own custom fields." (Web, Group Member Profile,
    https://github.com/tencentyun/intlcloud-documents)
    Quote: "The group owner and group administrators can modify in-group roles (set or cancel administrators), mute
    members, and modify the group nickname and member-level custom fields." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    Without a userID, setGroupMemberCustomField sets the caller's own fields ("If this field is not specified, the
    user's own group member custom field is modified by default.", @tencentcloud/chat 3.6.6 index.d.ts). Refusals are
    10007.

    Scenario: An ordinary member sets its own custom field, but not another member's
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob and carol belong to "P"
      When bob sets his own custom field "level" in "P" to "3"
      Then it succeeds
      And the custom field "level" of bob in "P" is "3"
      When bob sets the custom field "level" of carol in "P" to "9"
      Then it fails with code 10007 naming "userID"
      And nothing has changed
      When alice lists the members of "P"
      Then the listed member carol has memberCustomField []

    Scenario Outline: The <role> of <article> <type> group sets an ordinary member's custom field
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      And the actor is the <role> of "G"
      When the actor sets the custom field "level" of bob in "G" to "5"
      Then it succeeds
      And the custom field "level" of bob in "G" is "5"

      Examples:
        | role      | article | type      |
        | owner     | a       | Public    |
        | admin     | a       | Public    |
        | app admin | a       | Public    |
        | owner     | a       | Community |
        | admin     | a       | Community |
