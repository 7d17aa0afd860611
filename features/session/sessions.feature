@area:session
Feature: Group calls and the login session: logged-out calls, anonymous viewers, a session taken over
  Source: @tencentcloud/chat 3.6.6 (https://www.npmjs.com/package/@tencentcloud/chat):
    2024 USER_NOT_LOGGED_IN "The user has not logged in (returned for any non-allow-listed API before login)";
    joinGroup, quitGroup and getGroupOnlineMemberCount are allowed before login; joining an AVChatRoom without login
    takes an anonymous path and non-AV groups then fail with 2662; KICKED_OUT is account-level.
  Source: Web SDK "Group Management", "Joining a Group" (https://trtc.io/document/48465): AVChatRooms are free to
  join.
  The simulator's readings for logged-out calls are in docs/ambiguities.md#a40-logged-out-calls.

  @rule:session.calls-need-login @type:Public @ambiguous
  Rule: After logging out, group calls fail with 2024, except the few the SDK allows before login
    Quote: "The user has not logged in (returned for any non-allow-listed API before login)" (@tencentcloud/chat 3.6.6
    index.d.ts, https://www.npmjs.com/package/@tencentcloud/chat)
    The allow-list holds joinGroup, quitGroup and getGroupOnlineMemberCount: a logged-out quitGroup gives 2623 and
    getGroupOnlineMemberCount resolves memberCount 0, as SDK 3.6.6 does offline; joinGroup is in
    rule session.anonymous-join-only-avchatroom (docs/ambiguities.md#a40-logged-out-calls). Logging out changes no
    membership.

    Scenario: A logged-out member can neither read nor create, and is still a member
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      And bob has logged out
      When bob lists his groups
      Then it fails with code 2024
      And nothing has changed
      When bob reads the profile of "P"
      Then it fails with code 2024
      When bob creates a Public group "Q"
      Then it fails with code 2024
      And nothing has changed
      And bob is a member of "P"
      And alice's group list contains "P"

    Scenario: The SDK's allow-list: quitting gives 2623 and the online count is 0
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      And bob has logged out
      When bob quits "P"
      Then it fails with code 2623 naming "groupID"
      And nothing has changed
      And bob is a member of "P"
      When bob calls getGroupOnlineMemberCount with "{{P}}"
      Then it succeeds
      And the result's memberCount is 0
      When alice calls getGroupOnlineMemberCount with "{{P}}"
      Then the result's memberCount is 1

  @rule:session.anonymous-join-only-avchatroom @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: Without a login only an AVChatRoom can be joined, anonymously and without becoming a member; other groups give 2662
    Quote: "AVChatRoom groups can be joined anonymously (not logged in); non-AV groups cannot (2662)."
    (@tencentcloud/chat 3.6.6 index.d.ts, https://www.npmjs.com/package/@tencentcloud/chat)
    The anonymous viewer receives the room's public profile but is not stored or counted as a member; an ID that names
    no group also gives 2662 (docs/ambiguities.md#a40-logged-out-calls).

    Scenario Outline: A logged-out user joins <article> <type> group
      Given alice and bob are logged in
      And alice has created <article> <type> group "G"
      And bob has logged out
      When bob joins "G"
      Then <outcome>
      And bob is not a member of "G"
      And "G" has 1 member

      Examples:
        | article | type       | outcome                            |
        | a       | Work       | it fails with code 2662            |
        | a       | Public     | it fails with code 2662            |
        | a       | Meeting    | it fails with code 2662            |
        | an      | AVChatRoom | the join status is "JoinedSuccess" |
        | a       | Community  | it fails with code 2662            |

    Scenario: The anonymous viewer sees the room's profile and is not counted
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob has logged out
      When bob joins "AV"
      Then the join status is "JoinedSuccess"
      And the result's group.groupID is the ID of "AV"
      And the result's group.type is "AVChatRoom"
      And nothing has changed
      And alice receives no group tip 1 (member joined) about "AV"

    Scenario: A logged-out join of a Meeting group is refused and changes nothing
      Given alice and bob are logged in
      And alice has created a Meeting group "M"
      And bob has logged out
      When bob joins "M"
      Then it fails with code 2662
      And nothing has changed
      And alice receives no group tip 1 (member joined) about "M"

    Scenario: A logged-out join of an ID that names no group is refused with 2662
      Given bob is logged in
      And bob has logged out
      When bob calls joinGroup with:
        """
        {"groupID": "no-such-group"}
        """
      Then it fails with code 2662
      And nothing has changed

    Scenario: A logged-out join of a Public group is refused with 2662 naming the group ID
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob has logged out
      When bob joins "P"
      Then it fails with code 2662 naming "groupID"
      And nothing has changed

  @rule:session.kicked-out-is-account-level @type:Public
  Rule: Logging in again on the same device kicks the earlier session out of the account, not out of any group
    Quote: "`KICKED_OUT` signals account logout, not removal from a group." (@tencentcloud/chat 3.6.6 index.d.ts,
    https://www.npmjs.com/package/@tencentcloud/chat)
    The earlier session receives KICKED_OUT (multipleAccount) and its later calls fail with the kick code, 3003
    (KICKED_OUT_MULT_ACCOUNT): after a kick the SDK's ready check answers with the kick's code, not 2024
    (@tencentcloud/chat 3.6.6, observed). The user's other devices and memberships are untouched.

    Scenario: The laptop's earlier session is kicked out; the new one and the phone carry on, still in the group
      Given alice is logged in
      And bob is logged in on his phone and his laptop
      And alice has created a Public group "P"
      And bob belongs to "P"
      When bob logs in again on his laptop
      Then bob's replaced session on his laptop was kicked out with reason "multipleAccount"
      And bob on his phone was not kicked out
      And bob on his laptop was not kicked out
      And bob is a member of "P"
      And bob receives no system notice 4 (removed) about "P"
      And alice receives no group tip 3 (member removed) about "P"
      When bob's replaced session on his laptop lists his groups
      Then it fails with code 3003
      And nothing has changed
      When bob's replaced session on his laptop reads the profile of "P"
      Then it fails with code 3003
      When bob lists his groups
      Then it succeeds
      And the result's groupList has 1 entries
      And the result's groupList[0].groupID is "{{P}}"
