@area:members
Feature: A member's own message-receiving option
  Source: Product "Group Management", "Group Member/Group Management" (https://www.tencentcloud.com/document/product/1047/33530):
    "Access and modify user profile in the group. This information can only be accessed and modified by the users
    themselves, such as message receiving options."
    "Group members can modify their personal profiles in the group, including the message receiving options, group
    nickname, and member-level custom fields."
    "You can modify the group name, introduction, announcement, group avatar, group name card, group join options,
    group-level custom fields, group member roles, member-level custom fields, and settings for receiving group messages."
  Source: @tencentcloud/chat 3.6.6 index.d.ts (https://www.npmjs.com/package/@tencentcloud/chat):
    setMessageRemindType({groupID, messageRemindType}); selfInfo.messageRemindType.

  @rule:members.own-message-remind-type @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: A member sets its own message-receiving option with setMessageRemindType and reads it back in selfInfo; nobody sets another's
    Quote: "Access and modify user profile in the group. This information can only be accessed and modified by the users
    themselves, such as message receiving options." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    Quote: "Group members can modify their personal profiles in the group, including the message receiving options, group
    nickname, and member-level custom fields." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    Quote: "You can modify the group name, introduction, announcement, group avatar, group name card, group join options,
    group-level custom fields, group member roles, member-level custom fields, and settings for receiving group messages."
    (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)
    The SDK's method names no user, so it can only set the caller's own option; a userID is refused with 10004, a
    non-member with 10007, an AVChatRoom (which stores no member settings) with 2687
    (docs/ambiguities.md#a67-message-remind-type). What the option does to message delivery is not modelled.

    Scenario Outline: A member of <article> <type> group sets its own option and only its own changes
      Given alice and bob are logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      When bob sets his message option in "G" to Discard
      Then it succeeds
      And bob's message option in "G" is Discard
      And alice's message option in "G" is <default>
      And alice receives nothing
      When bob sets his message option in "G" to AcceptNotNotify
      Then it succeeds
      And bob's message option in "G" is AcceptNotNotify

      Examples:
        | article | type      | default         |
        | a       | Work      | AcceptAndNotify |
        | a       | Public    | AcceptAndNotify |
        | a       | Meeting   | AcceptNotNotify |
        | a       | Community | AcceptAndNotify |

    Scenario Outline: The owner of <article> <type> group cannot set a member's option
      Given alice and bob are logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      When alice calls setMessageRemindType with:
        """
        {"groupID": "{{G}}", "userID": "bob", "messageRemindType": "Discard"}
        """
      Then it fails with code 10004 naming "userID"
      And nothing has changed
      And bob's message option in "G" is <default>
      And alice's message option in "G" is <default>

      Examples:
        | article | type      | default         |
        | a       | Work      | AcceptAndNotify |
        | a       | Public    | AcceptAndNotify |
        | a       | Meeting   | AcceptNotNotify |
        | a       | Community | AcceptAndNotify |

    Scenario: A non-member has no option to set, and an unknown option is refused
      Given alice and bob are logged in
      And alice has created a Public group "P"
      When bob sets his message option in "P" to Discard
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      When alice sets her message option in "P" to Mute
      Then it fails with code 10004 naming "messageRemindType"
      And nothing has changed
      And alice's message option in "P" is AcceptAndNotify

    Scenario: An AVChatRoom stores no member settings
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      When bob sets his message option in "AV" to Discard
      Then it fails with code 2687 naming "groupID"
      And nothing has changed

    Scenario: Leaving the group forgets the option
      Given alice and bob are logged in
      And alice has created a Public group "P" with:
        | joinOption | FreeAccess |
      And bob belongs to "P"
      And bob has set his message option in "P" to Discard
      When bob quits "P"
      Then it succeeds
      When bob joins "P"
      Then it succeeds
      And bob's message option in "P" is AcceptAndNotify
