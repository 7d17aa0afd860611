@area:create
Feature: Creating a group: type, name, owner, returned profile and member cap
  Source: Web SDK "Group Management", "Creating a Group" (https://trtc.io/document/48465):
    "Group name, which can contain up to 30 bytes."
    "TencentCloudChat.TYPES.GRP_WORK (work group, which is the default value)"
    "Maximum number of group members. Default value:"
    "After this API is used to create TencentCloudChat.TYPES.GRP_AVCHATROOM (an audio-video group), the joinGroup
    API needs to be called to join the group to enable the messaging process."
  Source: Product "Group Management", "Create group" (https://www.tencentcloud.com/document/product/1047/33530):
    "This operation creates a new group."
    "After the group is created, the group ID is returned, which is the unique identifier of the group and can be
    used to perform other group operations such as message sending and receiving."
  Source: @tencentcloud/chat 3.6.6 index.d.ts and SDK code (https://www.npmjs.com/package/@tencentcloud/chat), as
    the reference extract (§1.1, §4.1, §12 rules 1–5, 18, 20) records them.

  @rule:create.type-values @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community
  Rule: createGroup takes the Web SDK's five type strings: Private, Public, ChatRoom, AVChatRoom and Community
    Quote: "GRP_WORK = 'Private'" (@tencentcloud/chat 3.6.6 index.d.ts, https://www.npmjs.com/package/@tencentcloud/chat)
    Quote: "GRP_MEETING = 'ChatRoom'" (@tencentcloud/chat 3.6.6 index.d.ts, https://www.npmjs.com/package/@tencentcloud/chat)
    Quote: "The Web SDK group-type strings are exactly `Private`, `Public`, `ChatRoom`, `AVChatRoom`, `Community` for
    GRP_WORK, GRP_PUBLIC, GRP_MEETING, GRP_AVCHATROOM, GRP_COMMUNITY." (Reference extract §12 rule 1, citing the
    typings @tencentcloud/chat 3.6.6 index.d.ts, https://www.npmjs.com/package/@tencentcloud/chat)
    The Work and Meeting groups travel under their legacy names, Private and ChatRoom.

    Scenario Outline: <Article> <type> group is created with the type string "<wire>"
      Given alice is logged in
      When alice calls createGroup with:
        """
        {"name": "G", "type": "<wire>"}
        """
      Then it succeeds
      And the result's group.type is "<wire>"
      And the result's group.name is "G"
      And the result's group.selfInfo.role is "Owner"
      And alice is a member of 1 group, AVChatRooms included

      Examples:
        | Article | type       | wire       |
        | A       | Work       | Private    |
        | A       | Public     | Public     |
        | A       | Meeting    | ChatRoom   |
        | An      | AVChatRoom | AVChatRoom |
        | A       | Community  | Community  |

  @rule:create.type-defaults-to-work @type:Work @ambiguous
  Rule: A group created without a type is a Work group
    The SDK package itself refuses a missing type with 2600; the primary page makes Work the default, and groupspec follows it (docs/ambiguities.md#a49-create-without-type).
    Quote: "TencentCloudChat.TYPES.GRP_WORK (work group, which is the default value)" (Web SDK, Group Management,
    https://trtc.io/document/48465)
    The typings agree; the reference SDK surface (§6) notes that the code of @tencentcloud/chat 3.6.6 refuses a
    missing type with 2600. groupspec follows the primary document.

    Scenario: createGroup without a type makes a Work group, which cannot be joined on request
      Given alice and bob are logged in
      When alice creates a group "G" without a type
      Then it succeeds
      And the result's group.type is "Private"
      And the type of "G" is "Private"
      And the joinOption of "G" is "DisableApply"
      And the maxMemberNum of "G" is 200
      And alice owns "G"

  @rule:create.unknown-type-rejected @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community
  Rule: A type outside the five Web type strings is refused with 2600, before anything is created
    Quote: "`createGroup` with a type outside the five values fails with 2600." (Reference extract §12 rule 4, citing
    the code of @tencentcloud/chat 3.6.6, https://www.npmjs.com/package/@tencentcloud/chat)
    Quote: "Group type. Valid values:" (Web SDK, Group Management, https://trtc.io/document/48465)
    The native names Work and Meeting are not Web type strings.

    Scenario Outline: createGroup with type "<bad>" fails with 2600
      Given alice is logged in
      When alice calls createGroup with:
        """
        {"name": "G", "type": "<bad>"}
        """
      Then it fails with code 2600 naming "type"
      And nothing has changed
      And alice is a member of 0 groups, AVChatRooms included

      Examples:
        | bad      |
        | Work     |
        | Meeting  |
        | private  |
        | Group    |

  @rule:create.name-required @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: A group needs a name; without one (or with an empty one) createGroup is refused with 10004
    Quote: "Group name. The maximum length is 30 bytes. This parameter is required." (@tencentcloud/chat 3.6.6
    index.d.ts, https://www.npmjs.com/package/@tencentcloud/chat)
    Quote: "`createGroup` requires `name`; name is at most 30 bytes." (Reference extract §12 rule 5, citing Web SDK
    Group Management, https://trtc.io/document/48465)
    The real SDK throws a plain Error without a code; groupspec reads the refusal as 10004 naming the field
    (docs/ambiguities.md#a39-bad-input). The 30-byte limit is limits.name-30-bytes.

    Scenario Outline: createGroup <without> is refused with 10004 naming the name
      Given alice is logged in
      When alice calls createGroup with:
        """
        <options>
        """
      Then it fails with code 10004 naming "name"
      And nothing has changed
      And alice is a member of 0 groups, AVChatRooms included

      Examples:
        | without          | options                          |
        | without a name   | {"type": "Public"}               |
        | with an empty name | {"type": "Public", "name": ""} |

  @rule:create.creator-becomes-owner @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: The user who creates a group is its owner and its first member
    Quote: "The creator becomes owner: `data.group.selfInfo.role === 'Owner'`." (Reference extract §12 rule 18, citing
    the code of @tencentcloud/chat 3.6.6, https://www.npmjs.com/package/@tencentcloud/chat)
    An AVChatRoom stores no member list; groupspec counts its creator as owner and member
    (docs/ambiguities.md#a32-avchatroom-owner-presence).

    Scenario Outline: The creator of <article> <type> group owns it
      Given alice is logged in
      When alice creates <article> <type> group "G"
      Then it succeeds
      And the result's group.selfInfo.role is "Owner"
      And the result's group.ownerID is "alice"
      And the result's group.memberCount is 1
      And alice owns "G"
      And "G" has 1 member

      Examples:
        | article | type       |
        | a       | Work       |
        | a       | Public     |
        | a       | Meeting    |
        | an      | AVChatRoom |
        | a       | Community  |

    Scenario: A creator who lists herself among the members is still the owner, and counted once
      Given alice and bob are logged in
      When alice creates a Public group "G" with members alice and bob
      Then it succeeds
      And alice owns "G"
      And the role of alice in "G" is Owner
      And "G" has 2 members

  @rule:create.returns-group-profile @type:Public
  Rule: createGroup returns the new group's profile, whose group ID every other group operation accepts
    Quote: "After the group is created, the group ID is returned, which is the unique identifier of the group and can
    be used to perform other group operations such as message sending and receiving." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    Quote: "You can specify the group type, name, and a list of users to add to the group." (Product, Group
    Management, https://www.tencentcloud.com/document/product/1047/33530)

    Scenario: The returned profile holds what the creator gave, under the ID others use to find the group
      Given alice and bob are logged in
      When alice creates a Public group "Club" with:
        | name         | Book club                    |
        | introduction | One book a month             |
        | notification | Next meeting on Friday       |
        | avatar       | https://example.com/club.png |
      Then it succeeds
      And the result's group.name is "Book club"
      And the result's group.type is "Public"
      And the result's group.introduction is "One book a month"
      And the result's group.notification is "Next meeting on Friday"
      And the result's group.avatar is "https://example.com/club.png"
      And the result's group.groupID is the ID of "Club"
      When bob searches for "Club"
      Then it succeeds
      And the result's group.groupID is the ID of "Club"
      And the result's group.name is "Book club"
      And the result's group.ownerID is "alice"

    Scenario: What the creator did not give is empty in the returned profile and when read back
      Given alice is logged in
      When alice creates a Public group "Club"
      Then it succeeds
      And the result's group.introduction is ""
      And the result's group.notification is ""
      And the result's group.avatar is ""
      And the result's group.groupCustomField is []
      And the introduction of "Club" is ""
      And the notification of "Club" is ""
      And the avatar of "Club" is ""

  @rule:create.member-cap-defaults @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: Without maxMemberNum a group's cap is its type's default: 200, 2,000, 10,000, unlimited (reported as 0)
    Quote: "Maximum number of group members. Default value:" (Web SDK, Group Management, https://trtc.io/document/48465)
    Quote: "Maximum number of group members. Default value: 200 for a work group, 2000 for a public group, 10000 for a
    meeting group, and no limit for an audio-video group" (@tencentcloud/chat 3.6.6 index.d.ts,
    https://www.npmjs.com/package/@tencentcloud/chat)
    Other sources give 6,000 or plan-based caps for Meeting, and none gives a Community default; groupspec takes
    10,000 for Meeting and 100,000 for Community (docs/ambiguities.md#a08-meeting-member-cap). An unlimited cap is
    reported as 0.

    Scenario Outline: <Article> <type> group created without maxMemberNum holds at most <cap> members
      Given alice is logged in
      When alice creates <article> <type> group "G"
      Then it succeeds
      And the result's group.maxMemberNum is <cap>
      And the maxMemberNum of "G" is <cap>

      Examples:
        | Article | article | type       | cap    |
        | A       | a       | Work       | 200    |
        | A       | a       | Public     | 2000   |
        | A       | a       | Meeting    | 10000  |
        | An      | an      | AVChatRoom | 0      |
        | A       | a       | Community  | 100000 |

  @rule:create.max-member-num-chosen @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: maxMemberNum given at creation becomes the cap, up to the type's cap; above it, or for an AVChatRoom, 10004
    Quote: "Member count never exceeds `maxMemberNum`; exceeding it fails with 10014 (or 10038 for plan limits)."
    (Reference extract §12 rule 122, citing Error Codes, https://intl.cloud.tencent.com/document/product/1047/34348)
    The type caps and the refusals are groupspec's reading (docs/ambiguities.md#a08-meeting-member-cap).

    Scenario Outline: <Article> <type> group created with maxMemberNum <asked> has that cap
      Given alice is logged in
      When alice creates <article> <type> group "G" with:
        | maxMemberNum | <asked> |
      Then it succeeds
      And the result's group.maxMemberNum is <asked>
      And the maxMemberNum of "G" is <asked>

      Examples:
        | Article | article | type      | asked  |
        | A       | a       | Work      | 50     |
        | A       | a       | Work      | 200    |
        | A       | a       | Public    | 2000   |
        | A       | a       | Meeting   | 10000  |
        | A       | a       | Community | 100000 |

    Scenario Outline: <Article> <type> group cannot be created with a cap of <asked>, above its type's
      Given alice is logged in
      When alice creates <article> <type> group "G" with:
        | maxMemberNum | <asked> |
      Then it fails with code 10004 naming "maxMemberNum"
      And nothing has changed
      And alice's group list holds 0 groups

      Examples:
        | Article | article | type      | asked  |
        | A       | a       | Work      | 201    |
        | A       | a       | Public    | 2001   |
        | A       | a       | Meeting   | 10001  |
        | A       | a       | Community | 100001 |

    Scenario: An AVChatRoom, which has no cap, cannot be created with one
      Given alice is logged in
      When alice creates an AVChatRoom group "AV" with:
        | maxMemberNum | 100 |
      Then it fails with code 10004 naming "maxMemberNum"
      And nothing has changed
      And alice is a member of 0 groups, AVChatRooms included

    Scenario: The cap chosen at creation survives a later profile update
      Given alice is logged in
      And alice has created a Public group "P" with:
        | maxMemberNum | 50 |
      When alice updates "P" with:
        | name | Q |
      Then it succeeds
      And the maxMemberNum of "P" is 50

  @rule:create.avchatroom-owner-joins @type:AVChatRoom @ambiguous
  Rule: After creating an AVChatRoom, its creator calls joinGroup to enter it
    Quote: "After this API is used to create TencentCloudChat.TYPES.GRP_AVCHATROOM (an audio-video group), the
    joinGroup API needs to be called to join the group to enable the messaging process." (Web SDK, Group
    Management, https://trtc.io/document/48465)
    Messaging is not modelled; groupspec reads the creator's joinGroup as entering the room she already owns:
    JoinedSuccess, without counting her twice (docs/ambiguities.md#a32-avchatroom-owner-presence).

    Scenario: The creator of an AVChatRoom joins it and is still its only member
      Given alice is logged in
      And alice has created an AVChatRoom group "AV"
      When alice joins "AV"
      Then the join status is "JoinedSuccess"
      And the result's group.groupID is the ID of "AV"
      And alice owns "AV"
      And "AV" has 1 member
