@area:counters
Feature: Group counters
  Source: Web "Group Counter" [WCNT] and "Error Codes" [ERR], as held in the reference extract §4.20 and §12 rules 110–111
  (https://github.com/tencentyun/intlcloud-documents, https://intl.cloud.tencent.com/document/product/1047/34348):
    "≤20 counters per group (server 10063 beyond 20); key ≤128 chars; value signed 64-bit integer"
    "Missing key on increase/decrease starts from 0."
    "Event `GROUP_COUNTER_UPDATED` `{groupID, key, value}`."
    "all types of groups, excluding topic-enabled community groups"
  Not modelled: the SDK's frequency limits (2996, §12 rule 112) and values beyond JavaScript's safe integers.

  @rule:counters.limits @type:Public
  Rule: A group holds at most 20 counters; a 21st key is refused with 10063
    Quote: "Group counters: ≤20 keys per group (10063), int64 values, missing key starts at 0." (reference extract §12 rule 110,
    [WCNT], [ERR])
    Quote: "≤20 counters per group (server 10063 beyond 20)" (Web, Group Counter, https://github.com/tencentyun/intlcloud-documents)

    Scenario: The twentieth counter is accepted, the twenty-first is refused, and existing counters still change
      Given alice is logged in
      And alice has created a Public group "P"
      And alice has set the group counters of "P" to {"c1":1,"c2":1,"c3":1,"c4":1,"c5":1,"c6":1,"c7":1,"c8":1,"c9":1,"c10":1,"c11":1,"c12":1,"c13":1,"c14":1,"c15":1,"c16":1,"c17":1,"c18":1,"c19":1}
      When alice calls increaseGroupCounter with:
        """
        {"groupID": "{{P}}", "key": "c20", "value": 1}
        """
      Then it succeeds
      And the result's counters is {"c20":1}
      When alice calls increaseGroupCounter with:
        """
        {"groupID": "{{P}}", "key": "c21", "value": 1}
        """
      Then it fails with code 10063 naming "counters"
      And nothing has changed
      And the group counters of "P" are {"c1":1,"c2":1,"c3":1,"c4":1,"c5":1,"c6":1,"c7":1,"c8":1,"c9":1,"c10":1,"c11":1,"c12":1,"c13":1,"c14":1,"c15":1,"c16":1,"c17":1,"c18":1,"c19":1,"c20":1}
      When alice calls setGroupCounters with:
        """
        {"groupID": "{{P}}", "counters": {"c1": 5}}
        """
      Then it succeeds
      And the result's counters is {"c1":5}

    Scenario: Setting several counters that would pass 20 is refused as a whole, the change to an existing one too
      Given alice is logged in
      And alice has created a Public group "P"
      And alice has set the group counters of "P" to {"c1":1,"c2":1,"c3":1,"c4":1,"c5":1,"c6":1,"c7":1,"c8":1,"c9":1,"c10":1,"c11":1,"c12":1,"c13":1,"c14":1,"c15":1,"c16":1,"c17":1,"c18":1,"c19":1}
      When alice calls setGroupCounters with:
        """
        {"groupID": "{{P}}", "counters": {"c1": 9, "c20": 2, "c21": 2}}
        """
      Then it fails with code 10063 naming "counters"
      And nothing has changed
      And the group counters of "P" are {"c1":1,"c2":1,"c3":1,"c4":1,"c5":1,"c6":1,"c7":1,"c8":1,"c9":1,"c10":1,"c11":1,"c12":1,"c13":1,"c14":1,"c15":1,"c16":1,"c17":1,"c18":1,"c19":1}

  @rule:counters.key-at-most-128-characters @type:Public @ambiguous
  Rule: A counter key holds at most 128 characters; a longer key is refused with 10004
    Quote: "key ≤128 chars" (Web, Group Counter, https://github.com/tencentyun/intlcloud-documents)
    The limit counts characters, not bytes; the refusal's code is not documented and groupspec reads it as 10004
    (docs/ambiguities.md#a16-group-counters-types).

    Scenario: A key of 128 CJK characters is accepted, one of 129 is refused
      Given alice is logged in
      And alice has created a Public group "P"
      When alice calls increaseGroupCounter with "KEY" standing for 128 copies of "群":
        """
        {"groupID": "{{P}}", "key": "KEY", "value": 1}
        """
      Then it succeeds
      And the group counters of "P" number 1
      When alice calls increaseGroupCounter with "KEY" standing for 129 copies of "k":
        """
        {"groupID": "{{P}}", "key": "KEY", "value": 1}
        """
      Then it fails with code 10004 naming "key"
      And nothing has changed
      And the group counters of "P" number 1

  @rule:counters.missing-key-starts-at-zero @type:Public
  Rule: Increasing or decreasing a counter that does not exist yet starts it from 0
    Quote: "Missing key on increase/decrease starts from 0." (Web, Group Counter, https://github.com/tencentyun/intlcloud-documents)

    Scenario: A fresh counter goes up from 0, another goes down from 0
      Given alice is logged in
      And alice has created a Public group "P"
      When alice calls increaseGroupCounter with:
        """
        {"groupID": "{{P}}", "key": "likes", "value": 3}
        """
      Then it succeeds
      And the result's counters is {"likes":3}
      When alice calls decreaseGroupCounter with:
        """
        {"groupID": "{{P}}", "key": "debt", "value": 2}
        """
      Then it succeeds
      And the result's counters is {"debt":-2}
      And the group counters of "P" are {"likes":3,"debt":-2}

  @rule:counters.increase-and-decrease @type:Public @type:Work
  Rule: increaseGroupCounter adds the value to the counter and decreaseGroupCounter subtracts it
    Quote: "increase/decrease compute new = old ± value and emit GROUP_COUNTER_UPDATED `{groupID, key, value}`." (Web "Group Counter",
    tencentyun/intlcloud-documents, https://github.com/tencentyun/intlcloud-documents)

    Scenario: A counter set to 10 goes up by 5 and down by 20
      Given alice and bob are logged in
      And alice has created a Work group "W" with members bob
      And alice has set the group counters of "W" to {"score":10}
      When bob calls increaseGroupCounter with:
        """
        {"groupID": "{{W}}", "key": "score", "value": 5}
        """
      Then it succeeds
      And the result's counters is {"score":15}
      When bob calls decreaseGroupCounter with:
        """
        {"groupID": "{{W}}", "key": "score", "value": 20}
        """
      Then it succeeds
      And the result's counters is {"score":-5}
      When bob calls getGroupCounters with:
        """
        {"groupID": "{{W}}", "keyList": ["score"]}
        """
      Then it succeeds
      And the result's counters is {"score":-5}

  @rule:counters.changes-announced-to-members @type:Public
  Rule: Every counter change reaches every member as GROUP_COUNTER_UPDATED with the groupID, the key and the new value
    Quote: "Event `GROUP_COUNTER_UPDATED` `{groupID, key, value}`." (Web, Group Counter, https://github.com/tencentyun/intlcloud-documents)

    Scenario: bob increases a counter and both members hear the new value
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      And alice has set the group counters of "P" to {"likes":7}
      When bob calls increaseGroupCounter with:
        """
        {"groupID": "{{P}}", "key": "likes", "value": 1}
        """
      Then it succeeds
      And alice eventually receives a counter update for "P": likes = 8
      And bob eventually receives a counter update for "P": likes = 8

  @rule:counters.members-of-every-type-but-topic-communities @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: Members of every type use counters, except in topic-enabled communities; non-members are refused with 10007
    Quote: "all types of groups, excluding topic-enabled community groups" (Web, Group Counter, https://github.com/tencentyun/intlcloud-documents)
    The native headers also leave out plain communities; groupspec follows the Web document and reads both refusals as 10007
    (docs/ambiguities.md#a16-group-counters-types).

    Scenario Outline: A member of <article> <type> group keeps a counter and a non-member is turned away
      Given alice, bob and nina are logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      When bob calls setGroupCounters with:
        """
        {"groupID": "{{G}}", "counters": {"viewers": 42}}
        """
      Then it succeeds
      And the group counters of "G" are {"viewers":42}
      When nina calls increaseGroupCounter with:
        """
        {"groupID": "{{G}}", "key": "viewers", "value": 1}
        """
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And the group counters of "G" are {"viewers":42}

      Examples:
        | article | type       |
        | a       | Work       |
        | a       | Public     |
        | a       | Meeting    |
        | an      | AVChatRoom |
        | a       | Community  |

    Scenario: A topic-enabled community refuses counters, even to its owner
      Given alice is logged in
      And alice has created a Community group "T" with:
        | isSupportTopic | true |
      When alice calls setGroupCounters with:
        """
        {"groupID": "{{T}}", "counters": {"viewers": 1}}
        """
      Then it fails with code 10007 naming "groupID"
      And nothing has changed

  @rule:counters.app-admin-sets-increases-decreases-and-deletes @type:Public @ambiguous
  Rule: The app admin sets, increases, decreases and deletes a group's counters over REST, and the members are told of
    each change as for a member's write
    Quote: "The app admin can use this API to update (set/increase/decrease) group counters." (REST API, Updating Group
    Counters, https://www.tencentcloud.com/document/product/1047/53428)
    Quote: "List of group counter keys to delete. If no value is passed in, all group counter keys will be deleted."
    (REST API, Deleting Group Counters, https://www.tencentcloud.com/document/product/1047/53429)
    A missing key counts from 0; the Web SDK has no event for a deleted counter
    (docs/ambiguities.md#a69-admin-store-commands).

    Scenario: The app admin sets a counter, increases and decreases two, then deletes one
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When the app admin calls updateGroupCounter with:
        """
        {"groupID": "{{P}}", "counters": {"likes": 5}, "mode": "Set"}
        """
      Then it succeeds
      And the result's counters is {"likes":5}
      And bob eventually receives a counter update for "P": likes = 5
      When the app admin calls updateGroupCounter with:
        """
        {"groupID": "{{P}}", "counters": {"likes": 3, "debt": 2}, "mode": "Increase"}
        """
      Then it succeeds
      And the result's counters is {"likes":8,"debt":2}
      And bob eventually receives a counter update for "P": likes = 8
      When the app admin calls updateGroupCounter with:
        """
        {"groupID": "{{P}}", "counters": {"debt": 4}, "mode": "Decrease"}
        """
      Then it succeeds
      And the result's counters is {"debt":-2}
      And alice eventually receives a counter update for "P": debt = -2
      When the app admin calls deleteGroupCounter with:
        """
        {"groupID": "{{P}}", "keyList": ["debt"]}
        """
      Then it succeeds
      And the result's keyList is ["debt"]
      And the group counters of "P" are {"likes":8}
