@area:create
Feature: Group IDs given at creation: generated, custom, unique, prefixes
  Source: Web SDK "Group Management", "Creating a Group" (https://trtc.io/document/48465):
    "Group ID. If it is not specified, a unique ID will be automatically created for the group."
  Source: Product "Group Management", "Caution" (https://www.tencentcloud.com/document/product/1047/33530):
    "When you create a group, Chat assigns a default group ID that begins with @TGS#."
    "You can also manually specify a group ID."
  Source: Group System (https://intl.cloud.tencent.com/document/product/1047/33529) and Error Codes
    (https://intl.cloud.tencent.com/document/product/1047/34348), as the reference extract (§7, §6.3, §12 rules 8,
    9, 11, 13) quotes them.

  @rule:create.generated-id @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community
  Rule: A group created without an ID gets a unique one that begins with @TGS#
    Quote: "Group ID. If it is not specified, a unique ID will be automatically created for the group." (Web SDK,
    Group Management, https://trtc.io/document/48465)
    Quote: "When you create a group, Chat assigns a default group ID that begins with @TGS#." (Product, Group
    Management, https://www.tencentcloud.com/document/product/1047/33530)
    A Community's generated ID begins with the longer @TGS#_ (community.id-prefix-required); no other type's does.

    Scenario Outline: <Article> <type> group created without an ID gets one beginning with @TGS#
      Given alice is logged in
      When alice creates <article> <type> group "G"
      Then it succeeds
      And the result's group.groupID matches "<pattern>"
      And alice owns "G"

      Examples:
        | Article | article | type       | pattern       |
        | A       | a       | Work       | ^@TGS#[^_].+$ |
        | A       | a       | Public     | ^@TGS#[^_].+$ |
        | A       | a       | Meeting    | ^@TGS#[^_].+$ |
        | An      | an      | AVChatRoom | ^@TGS#[^_].+$ |
        | A       | a       | Community  | ^@TGS#_.+$    |

    Scenario: Two groups created alike get different IDs
      Given alice is logged in
      And alice has created a Public group "A"
      When alice creates a Public group "B" with:
        | name | A |
      Then it succeeds
      And "A" and "B" have different IDs
      And alice's group list holds 2 groups

  @rule:create.custom-id-kept @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community
  Rule: A group created with a custom group ID is known by that ID
    Quote: "You can also manually specify a group ID." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)

    Scenario Outline: <Article> <type> group created with the ID "<id>" has that ID
      Given alice is logged in
      When alice creates <article> <type> group "G" with:
        | groupID | <id> |
      Then it succeeds
      And the result's group.groupID is "<id>"
      And the groupID of "G" is "<id>"
      And alice owns "G"

      Examples:
        | Article | article | type       | id            |
        | A       | a       | Work       | team-7        |
        | A       | a       | Public     | club-7        |
        | A       | a       | Meeting    | standup-7     |
        | An      | an      | AVChatRoom | live-7        |
        | A       | a       | Community  | @TGS#_guild-7 |

  @rule:create.custom-id-format @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: A custom group ID is printable ASCII of at most 48 bytes and, outside Communities, does not begin with @TGS#
    Quote: "must be a string of ASCII characters (0x20-0x7e) with a length less than 48 bytes. Do not use @TGS# as the
    prefix" (Group System, https://intl.cloud.tencent.com/document/product/1047/33529)
    Quote: "maximum length limited to 48 bytes" (Error Codes, https://intl.cloud.tencent.com/document/product/1047/34348)
    The sources disagree on "less than" and "up to" 48 bytes; groupspec accepts 48 and refuses 49
    (docs/ambiguities.md#a13-custom-id-length). The Web SDK does not check the format itself, so the refusal is the
    server's 10015 (docs/ambiguities.md#a48-custom-id-checked-by-server).

    Scenario: A custom ID of exactly 48 bytes is accepted
      Given alice is logged in
      When alice creates a Public group "G" whose groupID is "g" repeated 48 times (48 bytes)
      Then it succeeds
      And the groupID of "G" consists of "g" repeated 48 times

    Scenario: A custom ID of 49 bytes is refused with 10015
      Given alice is logged in
      When alice creates a Public group "G" whose groupID is "g" repeated 49 times (49 bytes)
      Then it fails with code 10015 naming "groupID"
      And nothing has changed
      And alice's group list holds 0 groups

    Scenario: A custom ID with CJK characters is refused with 10015, however short
      Given alice is logged in
      When alice creates a Public group "G" whose groupID is "群" repeated 3 times (9 bytes)
      Then it fails with code 10015 naming "groupID"
      And nothing has changed
      And alice's group list holds 0 groups

    Scenario: Spaces and punctuation are printable ASCII and allowed
      Given alice is logged in
      When alice creates a Public group "G" with:
        | groupID | book club #1 (2026)! |
      Then it succeeds
      And the groupID of "G" is "book club #1 (2026)!"

    Scenario: A control character is not printable ASCII and is refused with 10015
      Given alice is logged in
      When alice creates a Public group "G" with:
        | groupID | "book\tclub" |
      Then it fails with code 10015 naming "groupID"
      And nothing has changed
      And alice's group list holds 0 groups

    Scenario Outline: <Article> <type> group cannot take a custom ID beginning with @TGS#
      Given alice is logged in
      When alice creates <article> <type> group "G" with:
        | groupID | @TGS#mine |
      Then it fails with code 10015 naming "groupID"
      And nothing has changed
      And alice is a member of 0 groups, AVChatRooms included

      Examples:
        | Article | article | type       |
        | A       | a       | Work       |
        | A       | a       | Public     |
        | A       | a       | Meeting    |
        | An      | an      | AVChatRoom |

    Scenario: A Community's custom ID begins with @TGS#_, which the reserved prefix does not forbid
      Given alice is logged in
      When alice creates a Community group "C" with:
        | groupID | @TGS#_mine |
      Then it succeeds
      And the groupID of "C" is "@TGS#_mine"

  @rule:create.custom-id-unique @type:Public @type:Work
  Rule: A group ID already in use cannot be created again: 10021 if another user holds it, 10025 if the creator does
    Quote: "Creating a group whose ID is already used by another owner fails with 10021; by the same owner, 10025."
    (Reference extract §12 rule 13, citing Error Codes, https://intl.cloud.tencent.com/document/product/1047/34348)
    Quote: "You have already used this group ID" (REST API, Creating a Group,
    https://intl.cloud.tencent.com/document/product/1047/34895)

    Scenario: Another user cannot create a group under an ID already in use
      Given alice and bob are logged in
      And alice has created a Public group "A" with:
        | groupID | book-club |
      When bob creates a Public group "B" with:
        | groupID | book-club |
      Then it fails with code 10021 naming "groupID"
      And nothing has changed
      And alice owns "A"
      And the name of "A" is "A"
      And bob's group list holds 0 groups

    Scenario: The owner of an ID cannot create it again, whatever the type
      Given alice is logged in
      And alice has created a Public group "A" with:
        | groupID | book-club |
      When alice creates a Work group "B" with:
        | groupID | book-club |
      Then it fails with code 10025 naming "groupID"
      And nothing has changed
      And the type of "A" is "Public"
      And alice's group list holds 1 group

    Scenario: An ID the app admin created for an owner is that owner's: 10025 to her, 10021 to anyone else
      Given alice and bob are logged in
      And the app admin calls createGroup with:
        """
        {"type": "Public", "name": "A", "groupID": "book-club", "ownerAccount": "alice"}
        """
      When alice creates a Public group "B" with:
        | groupID | book-club |
      Then it fails with code 10025 naming "groupID"
      And nothing has changed
      When bob creates a Public group "C" with:
        | groupID | book-club |
      Then it fails with code 10021 naming "groupID"
      And nothing has changed
      And alice's group list holds 1 group
      And bob's group list holds 0 groups

  @rule:create.community-prefix-reserved @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community
  Rule: Only a Community may take a custom ID beginning with @TGS#_; any other type is refused with 2602
    Quote: "Web `createGroup` of a non-Community type with a groupID beginning `@TGS#_` fails with 2602." (Reference
    extract §12 rule 11, citing the code of @tencentcloud/chat 3.6.6, https://www.npmjs.com/package/@tencentcloud/chat)
    Quote: "Non-community groups must **not** use an `@TGS#_` prefix (also 2602)." (Reference SDK surface, "Group-ID prefixes", citing the
    code of @tencentcloud/chat 3.6.6, https://www.npmjs.com/package/@tencentcloud/chat)

    Scenario Outline: <Article> <type> group cannot be created with the ID "@TGS#_guild"
      Given alice is logged in
      When alice creates <article> <type> group "G" with:
        | groupID | @TGS#_guild |
      Then it fails with code 2602 naming "groupID"
      And nothing has changed
      And alice is a member of 0 groups, AVChatRooms included

      Examples:
        | Article | article | type       |
        | A       | a       | Work       |
        | A       | a       | Public     |
        | A       | a       | Meeting    |
        | An      | an      | AVChatRoom |

    Scenario: A Community group can be created with the ID "@TGS#_guild"
      Given alice is logged in
      When alice creates a Community group "C" with:
        | groupID | @TGS#_guild |
      Then it succeeds
      And the groupID of "C" is "@TGS#_guild"
      And alice is a member of 1 group, AVChatRooms included
