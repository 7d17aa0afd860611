@area:lists
Feature: Listing joined groups, their members and their online members
  Source: Web SDK "Group Management", "Getting the Joined Groups" (https://trtc.io/document/48465):
    "console.log(imResponse.data.groupList); // Group list"
  Source: Product "Group Management" (https://www.tencentcloud.com/document/product/1047/33530):
    "Pull the list of groups that the current user has joined. The returned result contains only part of the basic information."
    "To obtain detailed group information, use the group profile feature."
  Source: reference extract §12 rules 41, 104 and 120 ([S000], [V2H], [WMM], [ERR]); §4.15 (getGroupMemberList).

  @rule:lists.joined-groups @type:Work @type:Public @type:Meeting @type:Community
  Rule: getGroupList resolves data.groupList with exactly the groups the caller has joined
    Quote: "console.log(imResponse.data.groupList); // Group list" (Web SDK, Group Management, https://trtc.io/document/48465)
    Quote: "Pull the list of groups that the current user has joined." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)

    Scenario: bob's list holds the groups he owns and belongs to, and no other
      Given alice and bob are logged in
      And bob has created a Work group "W"
      And alice has created a Public group "P"
      And alice has created a Meeting group "M"
      And alice has created a Community group "C"
      And bob belongs to "P"
      And bob belongs to "C"
      When bob lists his groups
      Then it succeeds
      And the returned group list holds exactly "W, P, C"
      And the result's isSyncCompleted is true

    Scenario: Groups left or dismissed drop out of the list
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And alice has created a Community group "C"
      And bob belongs to "P"
      And bob belongs to "C"
      And bob has quit "P"
      And alice has dismissed "C"
      When bob lists his groups
      Then it succeeds
      And the returned group list holds exactly ""

  @rule:lists.group-list-basic-information @type:Public @type:Work @ambiguous
  Rule: Each listed group carries at least its ID, name and type; the full profile comes from the group profile
    Quote: "The returned result contains only part of the basic information." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    Quote: "To obtain detailed group information, use the group profile feature." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    Which further fields a listed group carries depends on the SDK's cache; groupspec's simulator fills them all, and rules
    assert only the basic ones (docs/ambiguities.md#a43-group-list-profiles).

    Scenario: A listed group names itself; its announcement is read from the profile
      Given alice is logged in
      And alice has created a Public group "P" with:
        | notification | Read me |
      When alice lists her groups
      Then it succeeds
      And the returned group list shows "P" with name "P"
      And the returned group list shows "P" with type "Public"
      When alice reads the profile of "P"
      Then it succeeds
      And the result's group.notification is "Read me"

  @rule:lists.avchatrooms-not-listed @type:AVChatRoom @type:Public @ambiguous
  Rule: AVChatRooms are never in the joined-group list, even for their owner or a joined viewer
    Quote: "直播群（AVChatRoom）不支持该 API" (native V2TIM headers V2TIMManager+Group.h, https://github.com/TencentCloud/TIMSDK)
    Quote: "`getGroupList` resolves `data.groupList`; AVChatRoom groups are excluded from the joined list (native)." (reference
    extract §12 rule 41)
    The Web documents are silent; groupspec applies the native statement to the Web (docs/ambiguities.md#a31-group-list-excludes-avchatroom).

    Scenario: The owner and a viewer of an AVChatRoom do not see it in their lists
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And alice has created a Public group "P"
      And bob belongs to "AV"
      And bob belongs to "P"
      When alice lists her groups
      Then it succeeds
      And the returned group list holds exactly "P"
      When bob lists his groups
      Then it succeeds
      And the returned group list holds exactly "P"
      And bob is a member of "AV"

  @rule:lists.member-list-for-members @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: Members page through the member list; for a group the caller has not joined the SDK answers an empty page, not an error
    Quote: "If the group is not in the local list the SDK returns an empty list (no error)." (reference extract §4.15, [BUNDLE];
    SDK code of the npm package @tencentcloud/chat 3.6.6, https://www.npmjs.com/package/@tencentcloud/chat)
    Quote: "`getGroupMemberList` resolves `data.memberList` and next `data.offset` (0 when no more)." (reference extract §12 rule 100)
    The app admin lists members through REST get_group_member_info, which refuses AVChatRooms with 10007
    (docs/ambiguities.md#a23-rest-member-page-size).

    Scenario Outline: Listing members, by role and type: <role> in <article> <type> group
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And the actor is the <role> of "G"
      When the actor requests the member list of "G"
      Then <outcome>
      And <check>

      Examples: Members list everyone, themselves included
        | role   | article | type       | outcome     | check                                 |
        | owner  | a       | Work       | it succeeds | the result's memberList has 1 entries |
        | owner  | a       | Public     | it succeeds | the result's memberList has 1 entries |
        | owner  | a       | Meeting    | it succeeds | the result's memberList has 1 entries |
        | owner  | an      | AVChatRoom | it succeeds | the result's memberList has 1 entries |
        | owner  | a       | Community  | it succeeds | the result's memberList has 1 entries |
        | admin  | a       | Work       | it succeeds | the result's memberList has 2 entries |
        | admin  | a       | Public     | it succeeds | the result's memberList has 2 entries |
        | admin  | a       | Meeting    | it succeeds | the result's memberList has 2 entries |
        | admin  | an      | AVChatRoom | it succeeds | the result's memberList has 2 entries |
        | admin  | a       | Community  | it succeeds | the result's memberList has 2 entries |
        | member | a       | Work       | it succeeds | the result's memberList has 2 entries |
        | member | a       | Public     | it succeeds | the result's memberList has 2 entries |
        | member | a       | Meeting    | it succeeds | the result's memberList has 2 entries |
        | member | an      | AVChatRoom | it succeeds | the result's memberList has 2 entries |
        | member | a       | Community  | it succeeds | the result's memberList has 2 entries |

      Examples: A non-member gets an empty page of every type
        | role       | article | type       | outcome     | check                            |
        | non-member | a       | Work       | it succeeds | the result's memberList is empty |
        | non-member | a       | Public     | it succeeds | the result's memberList is empty |
        | non-member | a       | Meeting    | it succeeds | the result's memberList is empty |
        | non-member | an      | AVChatRoom | it succeeds | the result's memberList is empty |
        | non-member | a       | Community  | it succeeds | the result's memberList is empty |

      Examples: The app admin lists the members of every type but an AVChatRoom
        | role      | article | type       | outcome                                   | check                                 |
        | app admin | a       | Work       | it succeeds                               | the result's memberList has 1 entries |
        | app admin | a       | Public     | it succeeds                               | the result's memberList has 1 entries |
        | app admin | a       | Meeting    | it succeeds                               | the result's memberList has 1 entries |
        | app admin | an      | AVChatRoom | it fails with code 10007 naming "groupID" | nothing has changed                   |
        | app admin | a       | Community  | it succeeds                               | the result's memberList has 1 entries |

    Scenario: A member pages through a Public group's members
      Given alice is logged in
      And alice has created a Public group "P"
      And bob, carol and dave belong to "P"
      When alice lists the members of "P" with:
        | count | 3 |
      Then it succeeds
      And the result's memberList lists alice, bob and carol
      And the result's offset is 3
      When alice lists the members of "P" with:
        | count  | 3 |
        | offset | 3 |
      Then it succeeds
      And the result's memberList lists dave
      And the result's offset is 0

    Scenario: The app admin reads 100 members a page unless it asks for more, and pages by offset
      Given alice is logged in
      And alice has created a Public group "P"
      And u1 to u150 belong to "P"
      When the app admin requests the member list of "P"
      Then it succeeds
      And the result's memberNum is 151
      And the result's memberList has 100 entries
      When the app admin calls getGroupMemberInfo with:
        """
        {"groupID": "{{P}}", "offset": 100}
        """
      Then it succeeds
      And the result's memberList has 51 entries

  @rule:lists.online-member-count @type:Public @type:Work @type:AVChatRoom @ambiguous
  Rule: getGroupOnlineMemberCount resolves data.memberCount, the number of members with a logged-in device
    Quote: "`getGroupOnlineMemberCount` resolves `data.memberCount`." (reference extract §12 rule 104, [WMM])
    Quote: "This API applies to all types of groups from v3.2.0" (npm package @tencentcloud/chat 3.6.6 index.d.ts,
    https://www.npmjs.com/package/@tencentcloud/chat)
    Which members count as online, and the answer for groups the caller has not joined, are readings
    (docs/ambiguities.md#a14-online-member-count).

    Scenario: Members who are not logged in are not counted, and logging out drops a member from the count
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob and carol belong to "P"
      When alice calls getGroupOnlineMemberCount with "{{P}}"
      Then it succeeds
      And the result's memberCount is 2
      When bob logs out
      And alice calls getGroupOnlineMemberCount with "{{P}}"
      Then it succeeds
      And the result's memberCount is 1

    Scenario: A member on two devices counts once
      Given alice is logged in on her phone and her laptop
      And alice has created a Work group "W" with members bob
      When alice calls getGroupOnlineMemberCount with "{{W}}"
      Then it succeeds
      And the result's memberCount is 1

    Scenario: The viewers of an AVChatRoom are counted
      Given alice, bob and carol are logged in
      And alice has created an AVChatRoom group "AV"
      And bob and carol belong to "AV"
      When bob calls getGroupOnlineMemberCount with "{{AV}}"
      Then it succeeds
      And the result's memberCount is 3

    Scenario: A group the caller has not joined counts 0
      Given alice and nina are logged in
      And alice has created a Public group "P"
      When nina calls getGroupOnlineMemberCount with "{{P}}"
      Then it succeeds
      And the result's memberCount is 0

    Scenario: A logged-in user who is not a member is not counted
      Given alice, bob and nina are logged in
      And alice has created a Public group "P"
      And bob and carol belong to "P"
      When alice calls getGroupOnlineMemberCount with "{{P}}"
      Then it succeeds
      And the result's memberCount is 2

    Scenario: In a group smaller than the number of users online, only its online members count
      Given alice, bob, nina and olga are logged in
      And alice has created a Public group "P"
      And bob and carol belong to "P"
      When alice calls getGroupOnlineMemberCount with "{{P}}"
      Then it succeeds
      And the result's memberCount is 2

  @rule:lists.unknown-or-dismissed-group @type:Public
  Rule: Reading or changing a group that does not exist or has been dismissed fails with 10010
    Quote: "Operations on a non-existent or dismissed group fail with 10010." (reference extract §12 rule 120, [ERR])
    Quote: "The group does not exist or has been deleted" (Error Codes, https://intl.cloud.tencent.com/document/product/1047/34348)

    Scenario Outline: <method> on a dismissed group
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      And alice has dismissed "P"
      When bob calls <method> with:
        """
        <options>
        """
      Then it fails with code 10010 naming "groupID"
      And nothing has changed
      And bob's group list does not contain "P"

      Examples:
        | method               | options                                               |
        | getGroupProfile      | {"groupID": "{{P}}"}                                  |
        | updateGroupProfile   | {"groupID": "{{P}}", "name": "Back"}                  |
        | joinGroup            | {"groupID": "{{P}}"}                                  |
        | changeGroupOwner     | {"groupID": "{{P}}", "newOwnerID": "alice"}           |
        | getGroupAttributes   | {"groupID": "{{P}}", "keyList": []}                   |
        | increaseGroupCounter | {"groupID": "{{P}}", "key": "likes", "value": 1}      |

    Scenario Outline: <method> on a group ID that was never created
      Given alice is logged in
      When alice calls <method> with:
        """
        <options>
        """
      Then it fails with code 10010 naming "groupID"
      And nothing has changed

      Examples:
        | method          | options                                      |
        | getGroupProfile | {"groupID": "no-such-group"}                 |
        | joinGroup       | {"groupID": "no-such-group"}                 |
        | searchGroupByID | "no-such-group"                              |

    Scenario: The app admin reads a dismissed group's profile
      Given alice is logged in
      And alice has created a Public group "P"
      And alice has dismissed "P"
      When the app admin reads the profile of "P"
      Then it fails with code 10010 naming "groupID"
      And "P" no longer exists

    Scenario Outline: <method> on a dismissed group
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      And alice has dismissed "P"
      When bob calls <method> with:
        """
        <options>
        """
      Then it fails with code 10010 naming "groupID"
      And nothing has changed

      Examples:
        | method                    | options                                                                   |
        | setGroupMemberNameCard    | {"groupID": "{{P}}", "nameCard": "Bobby"}                                 |
        | setGroupMemberCustomField | {"groupID": "{{P}}", "memberCustomField": [{"key": "k", "value": "v"}]}   |
        | getGroupMemberProfile     | {"groupID": "{{P}}", "userIDList": ["bob"]}                               |
