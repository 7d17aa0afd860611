@area:limits
Feature: Sizes of the profile fields given at creation, in UTF-8 bytes
  Source: Web SDK "Group Management", "Creating a Group" (https://trtc.io/document/48465):
    "Group name, which can contain up to 30 bytes."
    "Group introduction, which can contain up to 240 bytes."
    "Group notice, which can contain up to 300 bytes."
    "Group profile photo URL, which can contain up to 100 bytes."
  Source: REST API "Creating a Group" (https://intl.cloud.tencent.com/document/product/1047/34895), as the reference
    extract (§12 rule 7) records it: sizes are UTF-8 bytes, a CJK character counts 3.
  The same limits apply when the profile is changed later (the profile area specifies that).

  @rule:limits.name-30-bytes @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: A group name holds at most 30 bytes; a longer one is refused with 10004
    Quote: "Group name, which can contain up to 30 bytes." (Web SDK, Group Management, https://trtc.io/document/48465)
    The native 8.x headers allow 100 bytes; groupspec follows the primary document and reads the refusal as 10004
    naming the field (docs/ambiguities.md#a11-profile-field-lengths).

    Scenario: A name of 30 ASCII bytes is accepted
      Given alice is logged in
      When alice creates a Public group "G" whose name is "a" repeated 30 times (30 bytes)
      Then it succeeds
      And the name of "G" consists of "a" repeated 30 times

    Scenario: A name of 31 ASCII bytes is refused
      Given alice is logged in
      When alice creates a Public group "G" whose name is "a" repeated 31 times (31 bytes)
      Then it fails with code 10004 naming "name"
      And nothing has changed
      And alice's group list holds 0 groups

    Scenario: A name of 10 CJK characters is 30 bytes and accepted
      Given alice is logged in
      When alice creates a Public group "G" whose name is "群" repeated 10 times (30 bytes)
      Then it succeeds
      And the name of "G" consists of "群" repeated 10 times

    Scenario: A name of 10 CJK characters and one letter is 31 bytes and refused
      Given alice is logged in
      When alice creates a Public group "G" whose name is "群" repeated 10 times and then "a" (31 bytes)
      Then it fails with code 10004 naming "name"
      And nothing has changed
      And alice's group list holds 0 groups

  @rule:limits.introduction-240-bytes @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: A group introduction holds at most 240 bytes; a longer one is refused with 10004
    Quote: "Group introduction, which can contain up to 240 bytes." (Web SDK, Group Management,
    https://trtc.io/document/48465)
    The typings' Group interface says 120 bytes and the native headers 400; groupspec follows the primary document
    (docs/ambiguities.md#a11-profile-field-lengths).

    Scenario: An introduction of 240 ASCII bytes is accepted
      Given alice is logged in
      When alice creates a Work group "G" whose introduction is "a" repeated 240 times (240 bytes)
      Then it succeeds
      And the introduction of "G" consists of "a" repeated 240 times

    Scenario: An introduction of 241 ASCII bytes is refused
      Given alice is logged in
      When alice creates a Work group "G" whose introduction is "a" repeated 241 times (241 bytes)
      Then it fails with code 10004 naming "introduction"
      And nothing has changed
      And alice's group list holds 0 groups

    Scenario: An introduction of 80 CJK characters is 240 bytes and accepted
      Given alice is logged in
      When alice creates a Work group "G" whose introduction is "群" repeated 80 times (240 bytes)
      Then it succeeds
      And the introduction of "G" consists of "群" repeated 80 times

    Scenario: An introduction of 80 CJK characters and one letter is 241 bytes and refused
      Given alice is logged in
      When alice creates a Work group "G" whose introduction is "群" repeated 80 times and then "a" (241 bytes)
      Then it fails with code 10004 naming "introduction"
      And nothing has changed
      And alice's group list holds 0 groups

  @rule:limits.notification-300-bytes @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: A group notice holds at most 300 bytes; a longer one is refused with 10004
    Quote: "Group notice, which can contain up to 300 bytes." (Web SDK, Group Management, https://trtc.io/document/48465)
    The typings' Group interface says 150 bytes and the native headers 400; groupspec follows the primary document
    (docs/ambiguities.md#a11-profile-field-lengths).

    Scenario: A notice of 300 ASCII bytes is accepted
      Given alice is logged in
      When alice creates a Meeting group "G" whose notification is "a" repeated 300 times (300 bytes)
      Then it succeeds
      And the notification of "G" consists of "a" repeated 300 times

    Scenario: A notice of 301 ASCII bytes is refused
      Given alice is logged in
      When alice creates a Meeting group "G" whose notification is "a" repeated 301 times (301 bytes)
      Then it fails with code 10004 naming "notification"
      And nothing has changed
      And alice's group list holds 0 groups

    Scenario: A notice of 100 CJK characters is 300 bytes and accepted
      Given alice is logged in
      When alice creates a Meeting group "G" whose notification is "群" repeated 100 times (300 bytes)
      Then it succeeds
      And the notification of "G" consists of "群" repeated 100 times

    Scenario: A notice of 100 CJK characters and one letter is 301 bytes and refused
      Given alice is logged in
      When alice creates a Meeting group "G" whose notification is "群" repeated 100 times and then "a" (301 bytes)
      Then it fails with code 10004 naming "notification"
      And nothing has changed
      And alice's group list holds 0 groups

  @rule:limits.avatar-100-bytes @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: A group profile photo URL holds at most 100 bytes; a longer one is refused with 10004
    Quote: "Group profile photo URL, which can contain up to 100 bytes." (Web SDK, Group Management,
    https://trtc.io/document/48465)
    The native headers allow 500 bytes; groupspec follows the primary document
    (docs/ambiguities.md#a11-profile-field-lengths).

    Scenario: A photo URL of 100 ASCII bytes is accepted
      Given alice is logged in
      When alice creates a Community group "G" whose avatar is "x" repeated 96 times and then ".png" (100 bytes)
      Then it succeeds
      And the avatar of "G" consists of "x" repeated 96 times and then ".png"

    Scenario: A photo URL of 101 ASCII bytes is refused
      Given alice is logged in
      When alice creates a Community group "G" whose avatar is "x" repeated 97 times and then ".png" (101 bytes)
      Then it fails with code 10004 naming "avatar"
      And nothing has changed
      And alice's group list holds 0 groups

    Scenario: A photo URL with 32 CJK characters and ".png" is 100 bytes and accepted
      Given alice is logged in
      When alice creates a Community group "G" whose avatar is "图" repeated 32 times and then ".png" (100 bytes)
      Then it succeeds
      And the avatar of "G" consists of "图" repeated 32 times and then ".png"

    Scenario: A photo URL with 32 CJK characters and "a.png" is 101 bytes and refused
      Given alice is logged in
      When alice creates a Community group "G" whose avatar is "图" repeated 32 times and then "a.png" (101 bytes)
      Then it fails with code 10004 naming "avatar"
      And nothing has changed
      And alice's group list holds 0 groups

  @rule:limits.sizes-in-utf8-bytes @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community
  Rule: Field sizes count UTF-8 bytes, not characters: 1 to 4 bytes a character
    Quote: "Byte lengths are measured in UTF-8; a CJK character counts 3 bytes." (Reference extract §12 rule 7, citing
    REST API, Creating a Group, https://intl.cloud.tencent.com/document/product/1047/34895)
    Shown on the 30-byte name with characters of each UTF-8 width: a (1), é (2), 群 (3), 😀 (4).

    Scenario Outline: A name of <count> × "<char>" and "<tail>" is <bytes> bytes and accepted
      Given alice is logged in
      When alice creates a Public group "G" whose name is "<char>" repeated <count> times and then "<tail>" (<bytes> bytes)
      Then it succeeds
      And the name of "G" consists of "<char>" repeated <count> times and then "<tail>"

      Examples:
        | char | count | tail | bytes |
        | a    | 30    |      | 30    |
        | é    | 15    |      | 30    |
        | 群   | 10    |      | 30    |
        | 😀   | 7     | ab   | 30    |

    Scenario Outline: A name of <count> × "<char>" and "<tail>" is <bytes> bytes and refused, though only <chars> characters
      Given alice is logged in
      When alice creates a Public group "G" whose name is "<char>" repeated <count> times and then "<tail>" (<bytes> bytes)
      Then it fails with code 10004 naming "name"
      And nothing has changed
      And alice's group list holds 0 groups

      Examples:
        | char | count | tail | bytes | chars |
        | é    | 15    | a    | 31    | 16    |
        | 群   | 10    | a    | 31    | 11    |
        | 😀   | 7     | abc  | 31    | 10    |
        | 😀   | 8     |      | 32    | 8     |

  @rule:limits.custom-field-sizes @type:Work @type:Public @type:Meeting @type:Community @ambiguous
  Rule: A group has at most 10 custom fields of at most 512 bytes each, a member at most 5 of at most 64 bytes; more is refused with 10004
    Quote: "Group custom fields | ≤10 per group; key <16 B `[A-Za-z0-9_]`; value ≤512 B; member-level ≤5 fields, value
    ≤64 B; AV has no member-level fields" (Reference extract §8, citing Group System,
    https://intl.cloud.tencent.com/document/product/1047/33529, and Use Limits,
    https://intl.cloud.tencent.com/document/product/1047/34381)
    Quote: "You can add up to five custom group member fields, which cannot be deleted and whose group type and
    read/write permissions can be changed." (Console Guide, Feature Configuration,
    https://intl.cloud.tencent.com/document/product/1047/34419)
    The same console page says "You can add up to five custom group fields"; groupspec keeps the Group System's 10,
    and the code of the refusal is groupspec's reading (docs/ambiguities.md#a59-custom-field-limits).

    Scenario: A group is created with 10 custom fields of 512 bytes
      Given alice is logged in
      When alice creates a Public group "G" with 10 custom fields of 512 bytes
      Then it succeeds
      And "G" has 10 custom fields of 512 bytes

    Scenario: An 11th custom field is refused
      Given alice is logged in
      When alice creates a Public group "G" with 11 custom fields of 1 bytes
      Then it fails with code 10004 naming "groupCustomField"
      And nothing has changed
      And alice's group list holds 0 groups

    Scenario: A custom field value of 513 bytes is refused
      Given alice is logged in
      When alice creates a Public group "G" with 1 custom field of 513 bytes
      Then it fails with code 10004 naming "groupCustomField"
      And nothing has changed
      And alice's group list holds 0 groups

    Scenario: A member sets 5 custom fields of 64 bytes, but not a 6th, nor a value of 65 bytes
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When bob sets 5 custom fields of 64 bytes on his own membership of "P"
      Then it succeeds
      And bob has 5 custom fields of 64 bytes in "P"
      When bob sets 6 custom fields of 1 bytes on his own membership of "P"
      Then it fails with code 10004 naming "memberCustomField"
      When bob sets 1 custom field of 65 bytes on his own membership of "P"
      Then it fails with code 10004 naming "memberCustomField"
      And nothing has changed
      And bob has 5 custom fields of 64 bytes in "P"
