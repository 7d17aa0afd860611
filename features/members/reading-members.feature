@area:members
Feature: Reading group members
  Source: Product "Group Management", "Obtain group member information" (https://www.tencentcloud.com/document/product/1047/33530):
    "Available information includes the role, joining time, time of last message, group nickname, and member-level custom fields."
  Source: @tencentcloud/chat 3.6.6 index.d.ts, GET_GROUP_MEMBER_LIST_OPTIONS.count (https://www.npmjs.com/package/@tencentcloud/chat):
    "Number of group members whose IDs are to be pulled. The maximum value is 100"
  Source: Web "Group Member Profile", getGroupMemberProfile (https://github.com/tencentyun/intlcloud-documents):
    "only the first 50 users will be queried and the rest will be discarded"

  The time of a member's last message is not modelled (the simulator sends no messages).

  @rule:members.member-information-readable @type:Public
  Rule: A member's role, join time, name card and custom fields are read back through getGroupMemberList and getGroupMemberProfile
    Quote: "Available information includes the role, joining time, time of last message, group nickname, and
    member-level custom fields." (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)
    Quote: "Member objects carry `userID, avatar, nick, role, joinTime, nameCard, muteUntil, memberCustomField`."
    (Reference extract §12 rule 102, from @tencentcloud/chat 3.6.6 index.d.ts, https://www.npmjs.com/package/@tencentcloud/chat)

    Scenario: The owner and an ordinary member read what the group knows of its members
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      And eve is an admin of "P"
      And 30 seconds have passed
      When bob sets his own name card in "P" to "Bobby"
      Then it succeeds
      When bob sets his own custom field "level" in "P" to "3"
      Then it succeeds
      When alice lists the members of "P"
      Then it succeeds
      And the result's memberList has 3 entries
      And the listed member alice has role "Owner"
      And the listed member eve has role "Admin"
      And the listed member bob has role "Member"
      And the listed member bob has nameCard "Bobby"
      And the listed member bob joined 30 seconds ago
      And the listed member bob has the custom field "level" set to "3"
      And the listed member bob has muteUntil 0
      When bob reads the member profiles of bob and eve in "P"
      Then it succeeds
      And the result's memberList has 2 entries
      And the listed member bob has nameCard "Bobby"
      And the listed member bob has the custom field "level" set to "3"
      And the listed member eve has role "Admin"

    Scenario: A mute shows in the member's muteUntil
      Given alice is logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      And alice has muted bob in "P" for 60 seconds
      When alice reads the member profiles of bob in "P"
      Then it succeeds
      And the listed member bob is muted for 60 more seconds
      When alice lists the members of "P"
      Then it succeeds
      And the listed member bob is muted for 60 more seconds
      And the listed member alice has muteUntil 0

    Scenario: A second custom field keeps the first
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When bob sets his own custom field "level" in "P" to "3"
      Then it succeeds
      When bob sets his own custom field "rank" in "P" to "A"
      Then it succeeds
      And the custom field "level" of bob in "P" is "3"
      And the custom field "rank" of bob in "P" is "A"

  @rule:members.member-list-page-size @type:Public @ambiguous
  Rule: getGroupMemberList returns 15 members per page by default and at most 100
    Quote: "Number of group members whose IDs are to be pulled. The maximum value is 100" (@tencentcloud/chat 3.6.6
    index.d.ts, https://www.npmjs.com/package/@tencentcloud/chat)
    Quote: "`getGroupMemberList.count` defaults to 15 and is capped at 100." (Reference extract §12 rule 99, from Web
    "Group Member Management" and the SDK code, https://github.com/tencentyun/intlcloud-documents)
    A count of 0 is read as no count: the default page (docs/ambiguities.md#a54-member-list-count-zero).

    Scenario: Without a count, a page holds 15 members
      Given alice is logged in
      And alice has created a Public group "P"
      And the accounts "guest1" to "guest120" belong to "P"
      When alice lists the members of "P"
      Then it succeeds
      And the result's memberList has 15 entries
      And the result's offset is 15

    Scenario: A count of 100 is honoured, a count of 101 is cut to 100
      Given alice is logged in
      And alice has created a Public group "P"
      And the accounts "guest1" to "guest120" belong to "P"
      When alice lists the members of "P" with:
        | count | 100 |
      Then it succeeds
      And the result's memberList has 100 entries
      When alice lists the members of "P" with:
        | count | 101 |
      Then it succeeds
      And the result's memberList has 100 entries
      And the result's offset is 100

    Scenario: A count of 0 asks for the default page, not an empty one
      Given alice is logged in
      And alice has created a Public group "P"
      And the accounts "guest1" to "guest20" belong to "P"
      When alice lists the members of "P" with:
        | count | 0 |
      Then it succeeds
      And the result's memberList has 15 entries
      And the result's offset is 15

  @rule:members.member-list-role-filter @type:Public
  Rule: getGroupMemberList with a role lists only the members of that role, paged like the whole list
    Quote: "Member role. Pull the group members of the specified role. If the value is undefined, all group members
    will be pulled" (@tencentcloud/chat 3.6.6 index.d.ts, GET_GROUP_MEMBER_LIST_OPTIONS.role,
    https://www.npmjs.com/package/@tencentcloud/chat)

    Scenario: The owner, the admins and the ordinary members, each asked for by role
      Given alice is logged in
      And alice has created a Public group "P"
      And bob is an admin of "P"
      And carol and dave belong to "P"
      When alice lists the members of "P" with:
        | role | Owner |
      Then it succeeds
      And the result's memberList lists alice
      When alice lists the members of "P" with:
        | role | Admin |
      Then it succeeds
      And the result's memberList lists bob
      When alice lists the members of "P" with:
        | role | Member |
      Then it succeeds
      And the result's memberList lists carol and dave
      And the result's offset is 0
      When alice lists the members of "P"
      Then it succeeds
      And the result's memberList lists alice, bob, carol and dave

    Scenario: The ordinary members are paged one at a time
      Given alice is logged in
      And alice has created a Public group "P"
      And bob is an admin of "P"
      And carol and dave belong to "P"
      When alice lists the members of "P" with:
        | role  | Member |
        | count | 1      |
      Then it succeeds
      And the result's memberList lists carol
      And the result's offset is 1
      When alice lists the members of "P" with:
        | role   | Member |
        | count  | 1      |
        | offset | 1      |
      Then it succeeds
      And the result's memberList lists dave
      And the result's offset is 0

    Scenario: The admins are paged one at a time
      Given alice is logged in
      And alice has created a Public group "P"
      And bob and carol are admins of "P"
      When alice lists the members of "P" with:
        | role  | Admin |
        | count | 1     |
      Then it succeeds
      And the result's memberList lists bob
      And the result's offset is 1

    Scenario: The members of a Community with the Custom role, asked for by role
      Given alice is logged in
      And alice has created a Community group "C"
      And bob and carol belong to "C"
      And alice has given bob the role "Custom" in "C"
      When alice lists the members of "C" with:
        | role | Custom |
      Then it succeeds
      And the result's memberList lists bob

    Scenario: The admins are listed in join order, not in the order they were made admins
      Given alice is logged in
      And alice has created a Public group "P"
      And bob and carol belong to "P"
      And alice has made carol an admin of "P"
      And alice has made bob an admin of "P"
      When alice lists the members of "P" with:
        | role | Admin |
      Then it succeeds
      And the result's memberList lists bob and carol

  @rule:members.member-list-next-offset @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community
  Rule: getGroupMemberList returns the offset of the next page, and 0 (a Community's cursor "") once the list is done
    Quote: "`offset` is a string cursor for community groups and the next numeric offset otherwise (0 when done)"
    (@tencentcloud/chat 3.6.6 group-module.js, per the SDK surface notes, https://www.npmjs.com/package/@tencentcloud/chat)
    An AVChatRoom lists its recent members in pages of 500 and ignores count (the avchatroom area), so three members
    come in one page.

    Scenario: Forty members paged fifteen at a time come in join order, each exactly once
      Given alice is logged in
      And alice has created a Public group "P"
      And the accounts "guest1" to "guest39" belong to "P"
      When alice lists the members of "P" with:
        | count | 15 |
      Then it succeeds
      And the result's memberList has 15 entries
      And the result's memberList[0].userID is "alice"
      And the result's memberList[14].userID is "guest14"
      And the result's offset is 15
      When alice lists the members of "P" with:
        | count  | 15 |
        | offset | 15 |
      Then it succeeds
      And the result's memberList has 15 entries
      And the result's memberList[0].userID is "guest15"
      And the result's memberList[14].userID is "guest29"
      And the result's offset is 30
      When alice lists the members of "P" with:
        | count  | 15 |
        | offset | 30 |
      Then it succeeds
      And the result's memberList has 10 entries
      And the result's memberList[0].userID is "guest30"
      And the result's memberList[9].userID is "guest39"
      And the result's offset is 0

    Scenario: After members leave, the pages close up: nobody is skipped or listed twice
      Given alice is logged in
      And alice has created a Public group "P"
      And the accounts "guest1" to "guest39" belong to "P"
      And alice has removed guest5, guest20 and guest33 from "P" for 0 seconds
      When alice lists the members of "P" with:
        | count  | 15 |
        | offset | 15 |
      Then it succeeds
      And the result's memberList[0].userID is "guest16"
      And the result's memberList[14].userID is "guest31"
      And the result's offset is 30
      When alice lists the members of "P" with:
        | count  | 15 |
        | offset | 30 |
      Then it succeeds
      And the result's memberList has 7 entries
      And the result's memberList[0].userID is "guest32"
      And the result's memberList[6].userID is "guest39"
      And the result's offset is 0

    Scenario: After most of a large group has left, the remaining members are paged in join order
      Given alice is logged in
      And alice has created a Public group "P"
      And the accounts "guest1" to "guest100" belong to "P"
      And the app admin calls deleteGroupMember with:
        """
        {"groupID": "{{P}}", "userIDList": ["guest1", "guest2", "guest3", "guest4", "guest5", "guest6", "guest7", "guest8", "guest9", "guest10", "guest11", "guest12", "guest13", "guest14", "guest15", "guest16", "guest17", "guest18", "guest19", "guest20", "guest21", "guest22", "guest23", "guest24", "guest25", "guest26", "guest27", "guest28", "guest29", "guest30", "guest31", "guest32", "guest33", "guest34", "guest35", "guest36", "guest37", "guest38", "guest39", "guest40", "guest41", "guest42", "guest43", "guest44", "guest45", "guest46", "guest47", "guest48", "guest49", "guest50", "guest51", "guest52", "guest53", "guest54", "guest55", "guest56", "guest57", "guest58", "guest59", "guest60", "guest61", "guest62", "guest63", "guest64", "guest65", "guest66", "guest67", "guest68", "guest69", "guest70"]}
        """
      When alice lists the members of "P" with:
        | count | 100 |
      Then it succeeds
      And the result's memberList has 31 entries
      And the result's memberList[0].userID is "alice"
      And the result's memberList[1].userID is "guest71"
      And the result's memberList[30].userID is "guest100"
      And the result's offset is 0
      When alice lists the members of "P" with:
        | count  | 10 |
        | offset | 20 |
      Then it succeeds
      And the result's memberList[0].userID is "guest90"
      And the result's memberList[9].userID is "guest99"
      And the result's offset is 30
      When alice lists the members of "P" with:
        | count  | 10 |
        | offset | 30 |
      Then it succeeds
      And the result's memberList lists guest100
      And the result's offset is 0
      And "P" has 31 members

    Scenario Outline: <Article> <type> group of three members is listed in one page, and the offset says it is done
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And bob and carol belong to "G"
      When alice lists the members of "G"
      Then it succeeds
      And the result's memberList has 3 entries
      And the result's offset is <done>

      Examples:
        | Article | article | type       | done |
        | A       | a       | Work       | 0    |
        | A       | a       | Public     | 0    |
        | A       | a       | Meeting    | 0    |
        | An      | an      | AVChatRoom | 0    |
        | A       | a       | Community  | ""   |

    Scenario Outline: <Article> <type> group of three members is paged two at a time
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And bob and carol belong to "G"
      When alice lists the members of "G" with:
        | count | 2 |
      Then it succeeds
      And the result's memberList has 2 entries
      And the result's offset is <next>
      When alice lists the members of "G" with:
        | count  | 2      |
        | offset | <next> |
      Then it succeeds
      And the result's memberList has 1 entries
      And the result's offset is <done>

      Examples:
        | Article | article | type      | next | done |
        | A       | a       | Work      | 2    | 0    |
        | A       | a       | Public    | 2    | 0    |
        | A       | a       | Meeting   | 2    | 0    |
        | A       | a       | Community | "2"  | ""   |

    Scenario: Eighteen members paged seventeen at a time: the second page holds the eighteenth only
      Given alice is logged in
      And alice has created a Public group "P"
      And u1 to u17 belong to "P"
      When alice lists the members of "P" with:
        | count | 17 |
      Then it succeeds
      And the result's memberList has 17 entries
      And the result's offset is 17
      When alice lists the members of "P" with:
        | count  | 17 |
        | offset | 17 |
      Then it succeeds
      And the result's memberList lists u17
      And the result's offset is 0

    Scenario: A member who left before the group grew past sixteen is not counted in later pages
      Given alice is logged in
      And alice has created a Public group "P"
      And u1 to u15 belong to "P"
      And alice has removed u3 from "P" for 0 seconds
      And dave belongs to "P"
      When alice lists the members of "P" with:
        | count  | 15 |
        | offset | 5  |
      Then it succeeds
      And the result's memberList has 11 entries
      And the result's memberList[0].userID is "u6"
      And the result's memberList[10].userID is "dave"
      And the result's offset is 0

  @rule:members.member-profile-query-limit @type:Public
  Rule: getGroupMemberProfile queries at most 50 users; further IDs are dropped without error
    Quote: "only the first 50 users will be queried and the rest will be discarded" (Web, Group Member Profile,
    https://github.com/tencentyun/intlcloud-documents)

    Scenario: 50 users are queried
      Given alice is logged in
      And alice has created a Public group "P"
      And the accounts "guest1" to "guest60" belong to "P"
      When alice reads the member profiles of the accounts "guest1" to "guest50" in "P"
      Then it succeeds
      And the result's memberList has 50 entries
      And the listed member guest50 has role "Member"

    Scenario: The 51st user is dropped silently
      Given alice is logged in
      And alice has created a Public group "P"
      And the accounts "guest1" to "guest60" belong to "P"
      When alice reads the member profiles of the accounts "guest1" to "guest51" in "P"
      Then it succeeds
      And the result's memberList has 50 entries
      And the listed member guest50 has role "Member"
      And the listed members do not include guest51

  @rule:members.member-custom-fields-by-filter @type:Work @type:Public @type:Meeting @type:Community @ambiguous
  Rule: getGroupMemberProfile returns only the member fields named in memberCustomFieldFilter, and all of them without it
    Quote: "Group member custom field to query. This field is optional. If no value is passed in, the SDK queries all
    group member custom fields by default." (@tencentcloud/chat 3.6.6 index.d.ts, GET_GROUP_MEMBER_PROFILE_OPTIONS,
    https://www.npmjs.com/package/@tencentcloud/chat)
    Quote: "If you want to pull custom information, configure APIs for the custom fields that you want to pull."
    (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)
    AVChatRooms store no member fields (avchatroom.no-member-profiles); docs/ambiguities.md#a66-custom-field-filters.

    Scenario Outline: A member of <article> <type> group pulls another member's fields by name
      Given alice and bob are logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      And bob has set his own custom field "level" in "G" to "3"
      And bob has set his own custom field "rank" in "G" to "captain"
      When alice reads the member profile of bob in "G" asking for the custom fields "rank"
      Then it succeeds
      And the result's memberList[0].userID is "bob"
      And the result's memberList[0].memberCustomField is [{"key": "rank", "value": "captain"}]
      When alice reads the member profiles of bob in "G"
      Then it succeeds
      And the result's memberList[0].memberCustomField is [{"key": "level", "value": "3"}, {"key": "rank", "value": "captain"}]

      Examples:
        | article | type      |
        | a       | Work      |
        | a       | Public    |
        | a       | Meeting   |
        | a       | Community |
