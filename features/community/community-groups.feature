@area:community
Feature: Creating a Community: its ID, topics, and how people get in by default
  Source: Product "Group Management" (https://www.tencentcloud.com/document/product/1047/33530):
    "Community groups do not require approval to join directly by default."
    "If approval is required, it can be controlled through the ApplyJoinOption field in the group profile."
  Source: Web SDK "Group Management", "Creating a Group" (https://trtc.io/document/48465):
    "It is required for creating a topic-enabled community."
  Source: Group System (https://intl.cloud.tencent.com/document/product/1047/33529), as the reference extract (§7)
    quotes it: "The prefix of the IDs of community groups (Community) must be @TGS#_".
  A Community's default and chosen inviteOption at creation is in create.invite-option-at-creation; what members
  may then invite is the invite area's (invite.community-any-member-invites).

  @rule:community.id-prefix-required @type:Community @ambiguous
  Rule: A Community's ID begins with @TGS#_: generated IDs do, and a custom ID without the prefix is refused
    Quote: "The prefix of the IDs of community groups (Community) must be @TGS#_" (Group System,
    https://intl.cloud.tencent.com/document/product/1047/33529)
    Quote: "Web `createGroup` of type Community with a groupID not beginning `@TGS#_` fails with 2602." (Reference
    extract §12 rule 12, citing the code of @tencentcloud/chat 3.6.6, https://www.npmjs.com/package/@tencentcloud/chat)
    The Web SDK refuses on the client with 2602; the REST code is not documented, and groupspec reads it as the
    server's 10015 (docs/ambiguities.md#a48-custom-id-checked-by-server).

    Scenario: A Community created without an ID gets one beginning with @TGS#_
      Given alice is logged in
      When alice creates a Community group "C"
      Then it succeeds
      And the result's group.groupID matches "^@TGS#_.+$"
      And alice owns "C"

    Scenario: A Community cannot be created with a custom ID lacking the prefix
      Given alice is logged in
      When alice creates a Community group "C" with:
        | groupID | guild-7 |
      Then it fails with code 2602 naming "groupID"
      And nothing has changed
      And alice's group list holds 0 groups

    Scenario: A Community is created with a custom ID that has the prefix
      Given alice is logged in
      When alice creates a Community group "C" with:
        | groupID | @TGS#_guild-7 |
      Then it succeeds
      And the result's group.groupID is "@TGS#_guild-7"
      And the groupID of "C" is "@TGS#_guild-7"

    Scenario: The app admin cannot create a Community under a custom ID lacking the prefix
      Given the accounts alice exist
      When the app admin creates a Community group "C" with:
        | ownerAccount | alice   |
        | groupID      | guild-7 |
      Then it fails with code 10015 naming "groupID"
      And nothing has changed
      And alice is a member of 0 groups, AVChatRooms included

    Scenario: The app admin creates a Community without an ID, and one under a custom ID that has the prefix
      Given the accounts alice exist
      When the app admin creates a Community group "C" with:
        | ownerAccount | alice |
      Then it succeeds
      And the result's groupID matches "^@TGS#_.+$"
      And alice owns "C"
      When the app admin creates a Community group "D" with:
        | ownerAccount | alice         |
        | groupID      | @TGS#_guild-7 |
      Then it succeeds
      And the groupID of "D" is "@TGS#_guild-7"
      And alice owns "D"

  @rule:community.free-join-by-default @type:Community @ambiguous
  Rule: A Community created without joinOption is joined without approval
    Quote: "Community groups do not require approval to join directly by default." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    The REST pages say Communities do not support the join option; groupspec follows the primary document
    (docs/ambiguities.md#a03-community-join-approval).

    Scenario: A user joins a new Community at once
      Given alice and bob are logged in
      And alice has created a Community group "C"
      When bob joins "C"
      Then the join status is "JoinedSuccess"
      And the result's group.groupID is the ID of "C"
      And the joinOption of "C" is "FreeAccess"
      And bob is a member of "C"
      And alice eventually receives the group tip 1 (member joined) about "C" naming bob
      And alice receives no system notice 1 (join request) about "C"

  @rule:community.join-approval-configurable @type:Community @ambiguous
  Rule: A Community created with a join option other than free access is joined as that option says
    Quote: "If approval is required, it can be controlled through the ApplyJoinOption field in the group profile."
    (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)
    groupspec honours the option (docs/ambiguities.md#a03-community-join-approval) and reads a refused request as
    10007 (docs/ambiguities.md#a25-join-disable-apply-code).

    Scenario: A Community created with joinOption NeedPermission waits for approval
      Given alice and bob are logged in
      And alice has created a Community group "C" with:
        | joinOption | NeedPermission |
      When bob asks to join "C" saying "let me in"
      Then the join status is "WaitAdminApproval"
      And bob is not a member of "C"
      And alice eventually receives the system notice 1 (join request) about "C"
      And the system notice 1 that alice received about "C" says "let me in"

    Scenario: A Community created with joinOption DisableApply refuses join requests
      Given alice and bob are logged in
      And alice has created a Community group "C" with:
        | joinOption | DisableApply |
      When bob joins "C"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And bob is not a member of "C"
      And alice receives no system notice 1 (join request) about "C"

  @rule:community.topic-support-chosen-at-creation @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community
  Rule: isSupportTopic at creation makes a topic-enabled Community; other types ignore it
    Quote: "It is required for creating a topic-enabled community." (Web SDK, Group Management,
    https://trtc.io/document/48465)
    Quote: "Valid values: true: create a topic-enabled community; false: create an ordinary community." (Web SDK,
    Group Management, https://trtc.io/document/48465)
    Quote: "`isSupportTopic` sent as 1/0 for Community and dropped otherwise" (Reference extract §4.1, citing the code
    of @tencentcloud/chat 3.6.6, https://www.npmjs.com/package/@tencentcloud/chat)
    Topics themselves are not modelled.

    Scenario Outline: <Article> <type> group created with isSupportTopic true reports <reported>
      Given alice is logged in
      When alice creates <article> <type> group "G" with:
        | isSupportTopic | true |
      Then it succeeds
      And the result's group.isSupportTopic is <reported>
      And the isSupportTopic of "G" is <reported>

      Examples:
        | Article | article | type       | reported |
        | A       | a       | Work       | false    |
        | A       | a       | Public     | false    |
        | A       | a       | Meeting    | false    |
        | An      | an      | AVChatRoom | false    |
        | A       | a       | Community  | true     |

    Scenario Outline: A Community created with isSupportTopic <asked> reports <asked>
      Given alice is logged in
      When alice creates a Community group "C" with:
        | isSupportTopic | <asked> |
      Then it succeeds
      And the isSupportTopic of "C" is <asked>

      Examples:
        | asked |
        | true  |
        | false |

    Scenario: A Community created without isSupportTopic is an ordinary community
      Given alice is logged in
      When alice creates a Community group "C"
      Then it succeeds
      And the isSupportTopic of "C" is false
