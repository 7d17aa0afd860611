@area:attributes
Feature: Custom group attributes
  Source: Web "Custom Group Attribute" [WATTR] and "Error Codes" [ERR], as held in the reference extract §4.19 and §12 rules 106–109
  (https://github.com/tencentyun/intlcloud-documents, https://intl.cloud.tencent.com/document/product/1047/34348):
    "Limits: ≤16 keys, key ≤32 B, value ≤4 KB, total ≤16 KB"
    "Server key/value violations: 10045 key >32 B, 10046 value >4000 B, 10047 >16 keys, 10048 total >16000 B, 10050 deleted key absent ([ERR])."
    "Event `GROUP_ATTRIBUTES_UPDATED` data `{groupID, groupAttributes}`."
  Not modelled: concurrent-write conflicts (10056, §12 rule 107) and the SDK's frequency limits (2996, §12 rule 112).

  @rule:attributes.limits @type:Public @ambiguous
  Rule: A key holds at most 32 bytes, a value at most 4,000 bytes, a group at most 16 keys and 16,000 bytes in all
    Quote: "10045 key >32 B, 10046 value >4000 B, 10047 >16 keys, 10048 total >16000 B" (Error Codes,
    https://intl.cloud.tencent.com/document/product/1047/34348)
    Quote: "Limits: ≤16 keys, key ≤32 B, value ≤4 KB, total ≤16 KB" (Web, Custom Group Attribute, https://github.com/tencentyun/intlcloud-documents)
    [WATTR]'s "4 KB" is read as the server's 4,000 bytes, in UTF-8 (docs/ambiguities.md#a15-group-attributes-types).

    Scenario: A key of 32 bytes is accepted, one of 33 bytes is refused with 10045
      Given alice is logged in
      And alice has created a Public group "P"
      When alice calls setGroupAttributes with:
        """
        {"groupID": "{{P}}", "groupAttributes": {"群群群群群群群群群群ab": "ok"}}
        """
      Then it succeeds
      And the group attributes of "P" are {"群群群群群群群群群群ab": "ok"}
      When alice calls setGroupAttributes with:
        """
        {"groupID": "{{P}}", "groupAttributes": {"群群群群群群群群群群群": "too long"}}
        """
      Then it fails with code 10045 naming "groupAttributes.群群群群群群群群群群群"
      And nothing has changed
      And the group attributes of "P" are {"群群群群群群群群群群ab": "ok"}

    Scenario: A value of 4,000 bytes is accepted, longer ones are refused with 10046
      Given alice is logged in
      And alice has created a Public group "P"
      When alice sets the attribute "cjk" of "P" to "群a" repeated 1000 times
      Then it succeeds
      And the group attributes of "P" have exactly the keys "cjk"
      When alice sets the attribute "ascii" of "P" to "a" repeated 4001 times
      Then it fails with code 10046 naming "groupAttributes.ascii"
      And nothing has changed
      When alice sets the attribute "wide" of "P" to "群" repeated 1334 times
      Then it fails with code 10046 naming "groupAttributes.wide"
      And nothing has changed
      And the group attributes of "P" have exactly the keys "cjk"

    Scenario: Sixteen keys are accepted, a seventeenth is refused with 10047
      Given alice is logged in
      And alice has created a Public group "P"
      And alice has set the group attributes of "P" to {"k1":"v","k2":"v","k3":"v","k4":"v","k5":"v","k6":"v","k7":"v","k8":"v","k9":"v","k10":"v","k11":"v","k12":"v","k13":"v","k14":"v","k15":"v"}
      When alice calls setGroupAttributes with:
        """
        {"groupID": "{{P}}", "groupAttributes": {"k16": "v"}}
        """
      Then it succeeds
      And the group attributes of "P" have exactly the keys "k1, k2, k3, k4, k5, k6, k7, k8, k9, k10, k11, k12, k13, k14, k15, k16"
      When alice calls setGroupAttributes with:
        """
        {"groupID": "{{P}}", "groupAttributes": {"k17": "v"}}
        """
      Then it fails with code 10047 naming "groupAttributes"
      And nothing has changed
      And the group attributes of "P" have exactly the keys "k1, k2, k3, k4, k5, k6, k7, k8, k9, k10, k11, k12, k13, k14, k15, k16"

    Scenario: Keys and values of 16,000 bytes in all are accepted, one byte more is refused with 10048
      Given alice is logged in
      And alice has created a Public group "P"
      And alice has set the attribute "a" of "P" to "x" repeated 3999 times
      And alice has set the attribute "b" of "P" to "x" repeated 3999 times
      And alice has set the attribute "c" of "P" to "x" repeated 3999 times
      When alice sets the attribute "d" of "P" to "群" repeated 1333 times
      Then it succeeds
      And the group attributes of "P" have exactly the keys "a, b, c, d"
      When alice sets the attribute "e" of "P" to "x" repeated 0 times
      Then it fails with code 10048 naming "groupAttributes"
      And nothing has changed
      And the group attributes of "P" have exactly the keys "a, b, c, d"

  @rule:attributes.init-replaces-set-merges @type:Public @ambiguous
  Rule: initGroupAttributes replaces all attributes; setGroupAttributes adds or updates only the keys it names
    That init replaces and set merges comes from the native headers (docs/ambiguities.md#a50-attributes-init-versus-set).
    Quote: "initGroupAttributes(options: INIT_GROUP_ATTRIBUTE_OPTIONS): Promise<any>;" (npm package @tencentcloud/chat 3.6.6
    index.d.ts, https://www.npmjs.com/package/@tencentcloud/chat)
    Quote: "Group attributes: initGroupAttributes / setGroupAttributes / deleteGroupAttributes / getGroupAttributes" (reference
    extract §4.19, [WATTR], https://github.com/tencentyun/intlcloud-documents)

    Scenario: init clears what was there before
      Given alice is logged in
      And alice has created a Public group "P"
      And alice has set the group attributes of "P" to {"a":"1","b":"2"}
      When alice calls initGroupAttributes with:
        """
        {"groupID": "{{P}}", "groupAttributes": {"c": "3"}}
        """
      Then it succeeds
      And the result's groupAttributes is {"c":"3"}
      And the group attributes of "P" are {"c":"3"}

    Scenario: set updates one key and adds another, leaving the rest
      Given alice is logged in
      And alice has created a Public group "P"
      And alice has set the group attributes of "P" to {"a":"1","b":"2"}
      When alice calls setGroupAttributes with:
        """
        {"groupID": "{{P}}", "groupAttributes": {"b": "20", "c": "3"}}
        """
      Then it succeeds
      And the group attributes of "P" are {"a":"1","b":"20","c":"3"}

  @rule:attributes.empty-key-list-means-all @type:Public
  Rule: getGroupAttributes and deleteGroupAttributes with an empty keyList act on every key
    Quote: "`deleteGroupAttributes`/`getGroupAttributes` with empty `keyList` act on all keys." (reference extract §12 rule 109, [WATTR])
    Quote: "`keyList` array (empty array = all)" (Web, Custom Group Attribute, https://github.com/tencentyun/intlcloud-documents)

    Scenario: Reading with an empty list gives everything, reading with keys gives those keys
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      And alice has set the group attributes of "P" to {"a":"1","b":"2","c":"3"}
      When bob calls getGroupAttributes with:
        """
        {"groupID": "{{P}}", "keyList": []}
        """
      Then it succeeds
      And the result's groupAttributes is {"a":"1","b":"2","c":"3"}
      When bob calls getGroupAttributes with:
        """
        {"groupID": "{{P}}", "keyList": ["b"]}
        """
      Then it succeeds
      And the result's groupAttributes is {"b":"2"}

    Scenario: Deleting with an empty list deletes everything; deleting named keys deletes those
      Given alice is logged in
      And alice has created a Public group "P"
      And alice has set the group attributes of "P" to {"a":"1","b":"2","c":"3"}
      When alice calls deleteGroupAttributes with:
        """
        {"groupID": "{{P}}", "keyList": ["a"]}
        """
      Then it succeeds
      And the result's keyList is ["a"]
      And the group attributes of "P" are {"b":"2","c":"3"}
      When alice calls deleteGroupAttributes with:
        """
        {"groupID": "{{P}}", "keyList": []}
        """
      Then it succeeds
      And the group attributes of "P" are {}

  @rule:attributes.delete-missing-key @type:Public
  Rule: Deleting a key that does not exist fails with 10050 and deletes nothing
    Quote: "10050 deleted key absent" (Error Codes, https://intl.cloud.tencent.com/document/product/1047/34348)

    Scenario: One missing key among present ones spoils the whole deletion
      Given alice is logged in
      And alice has created a Public group "P"
      And alice has set the group attributes of "P" to {"a":"1","b":"2"}
      When alice calls deleteGroupAttributes with:
        """
        {"groupID": "{{P}}", "keyList": ["a", "nope"]}
        """
      Then it fails with code 10050 naming "keyList"
      And nothing has changed
      And the group attributes of "P" are {"a":"1","b":"2"}

  @rule:attributes.changes-announced-to-members @type:Public @type:AVChatRoom @ambiguous
  Rule: Every attribute change reaches every member as GROUP_ATTRIBUTES_UPDATED with the groupID and all the attributes
    Quote: "Attribute changes emit GROUP_ATTRIBUTES_UPDATED with `{groupID, groupAttributes}`." (reference extract §12 rule 108, [WATTR])
    Quote: "Event `GROUP_ATTRIBUTES_UPDATED` data `{groupID, groupAttributes}`." (Web, Custom Group Attribute,
    https://github.com/tencentyun/intlcloud-documents)
    A write that leaves every attribute as it was is no change and is announced to nobody
    (docs/ambiguities.md#a55-changes-that-change-nothing).

    Scenario: A member sets one key and every member receives the whole set
      Given alice, bob and nina are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      And alice has set the group attributes of "P" to {"a":"1"}
      When bob calls setGroupAttributes with:
        """
        {"groupID": "{{P}}", "groupAttributes": {"b": "2"}}
        """
      Then it succeeds
      And alice eventually receives an attribute update for "P" with {"a":"1","b":"2"}
      And bob eventually receives an attribute update for "P" with {"a":"1","b":"2"}

    Scenario: A deletion in an AVChatRoom reaches the viewers
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      And alice has set the group attributes of "AV" to {"topic":"news","mood":"calm"}
      When alice calls deleteGroupAttributes with:
        """
        {"groupID": "{{AV}}", "keyList": ["mood"]}
        """
      Then it succeeds
      And bob eventually receives an attribute update for "AV" with {"topic":"news"}

    Scenario: Writing the attributes a group already holds is no change and tells nobody; dropping a key is one
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      And alice has set the group attributes of "P" to {"a":"1","b":"2"}
      When alice calls initGroupAttributes with:
        """
        {"groupID": "{{P}}", "groupAttributes": {"a": "1", "b": "2"}}
        """
      Then it succeeds
      And alice and bob receive nothing
      When bob calls setGroupAttributes with:
        """
        {"groupID": "{{P}}", "groupAttributes": {"b": "2"}}
        """
      Then it succeeds
      And alice and bob receive nothing
      When alice calls initGroupAttributes with:
        """
        {"groupID": "{{P}}", "groupAttributes": {"a": "1"}}
        """
      Then it succeeds
      And bob eventually receives an attribute update for "P" with {"a":"1"}
      And the group attributes of "P" are {"a":"1"}
      When alice calls initGroupAttributes with:
        """
        {"groupID": "{{P}}", "groupAttributes": {"c": "3"}}
        """
      Then it succeeds
      And bob eventually receives an attribute update for "P" with {"c":"3"}

  @rule:attributes.members-use-them-in-every-type @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: Members of every type read and write attributes; non-members are refused with 10007
    Quote: "Types: AV only before Web 2.25.0; from 2.25.0 AV, Public, Meeting, Work, Community. AV requires `joinGroup` first."
    (Web, Custom Group Attribute, https://github.com/tencentyun/intlcloud-documents)
    REST and native sources disagree on Communities; groupspec follows the Web document, and reads the refusal of
    non-members as 10007 (docs/ambiguities.md#a15-group-attributes-types).

    Scenario Outline: A member of <article> <type> group writes an attribute and a non-member is turned away
      Given alice, bob and nina are logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      When bob calls setGroupAttributes with:
        """
        {"groupID": "{{G}}", "groupAttributes": {"theme": "dark"}}
        """
      Then it succeeds
      And the group attributes of "G" are {"theme":"dark"}
      When nina calls setGroupAttributes with:
        """
        {"groupID": "{{G}}", "groupAttributes": {"theme": "light"}}
        """
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And the group attributes of "G" are {"theme":"dark"}
      When nina calls getGroupAttributes with:
        """
        {"groupID": "{{G}}", "keyList": []}
        """
      Then it fails with code 10007 naming "groupID"

      Examples:
        | article | type       |
        | a       | Work       |
        | a       | Public     |
        | a       | Meeting    |
        | an      | AVChatRoom |
        | a       | Community  |

  @rule:attributes.app-admin-writes-without-membership @type:Public @type:AVChatRoom @ambiguous
  Rule: The app admin modifies, resets, deletes and clears a group's attributes over REST without being a member, and
    the members are told as for a member's write
    Quote: "This API is used by the app admin to modify custom group attributes." (REST API, Modifying Group Custom
    Attributes, https://www.tencentcloud.com/document/product/1047/44188)
    Quote: "This API is used by the app admin to reset custom group attributes." (REST API, Resetting Group Custom
    Attributes, https://www.tencentcloud.com/document/product/1047/44190)
    Quote: "10050 | Failed to delete a non-existent custom attribute." (REST API, Deleting Group Custom Attributes,
    https://www.tencentcloud.com/document/product/1047/59499)
    modify_group_attr adds or updates the keys given, set_group_attr replaces them all, and the SDK side's limits hold
    (docs/ambiguities.md#a69-admin-store-commands).

    Scenario: The app admin modifies, then resets, a Public group's attributes; a member hears of each change
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      And alice has set the group attributes of "P" to {"a":"1"}
      When the app admin calls modifyGroupAttr with:
        """
        {"groupID": "{{P}}", "groupAttributes": {"b": "2"}}
        """
      Then it succeeds
      And the result's groupAttributes is {"a":"1","b":"2"}
      And bob eventually receives an attribute update for "P" with {"a":"1","b":"2"}
      When the app admin calls setGroupAttr with:
        """
        {"groupID": "{{P}}", "groupAttributes": {"c": "3"}}
        """
      Then it succeeds
      And bob eventually receives an attribute update for "P" with {"c":"3"}
      And the group attributes of "P" are {"c":"3"}

    Scenario: The app admin deletes a key of an AVChatRoom, refused for a missing key, and clears the rest
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      And alice has set the group attributes of "AV" to {"topic":"news","mood":"calm"}
      When the app admin calls deleteGroupAttr with:
        """
        {"groupID": "{{AV}}", "keyList": ["mood", "nope"]}
        """
      Then it fails with code 10050 naming "keyList"
      And nothing has changed
      And the group attributes of "AV" are {"topic":"news","mood":"calm"}
      When the app admin calls deleteGroupAttr with:
        """
        {"groupID": "{{AV}}", "keyList": ["mood"]}
        """
      Then it succeeds
      And bob eventually receives an attribute update for "AV" with {"topic":"news"}
      When the app admin calls clearGroupAttr with:
        """
        {"groupID": "{{AV}}"}
        """
      Then it succeeds
      And bob eventually receives an attribute update for "AV" with {}
      And the group attributes of "AV" are {}
