@area:validation
Feature: Bad options are refused with a documented code and change nothing
  Source: SDK code of the npm package @tencentcloud/chat 3.6.6 (https://www.npmjs.com/package/@tencentcloud/chat), parameter validation:
    "A failure **throws synchronously**: `new Error("Params validate failed.")`, a plain `Error` with no `code`."
  Source: Error Codes (https://intl.cloud.tencent.com/document/product/1047/34348):
    "10004 | Invalid parameter"

  @rule:validation.bad-options-rejected @type:Work @type:Public @ambiguous
  Rule: Options of the wrong type, unknown options, null where a value belongs, arrays where objects belong and oversized strings are refused with 10004 naming the field
    Quote: "A failure **throws synchronously**: `new Error("Params validate failed.")`, a plain `Error` with no `code`." (SDK code of the
    npm package @tencentcloud/chat 3.6.6, https://www.npmjs.com/package/@tencentcloud/chat)
    Quote: "Invalid parameter" (Error Codes, 10004, https://intl.cloud.tencent.com/document/product/1047/34348)
    The real SDK throws a plain error without a code, and lets unknown options through; groupspec holds that bad input always
    gets a documented code: 10004, with a message naming the field, and no change (docs/ambiguities.md#a39-bad-input).

    Scenario Outline: <method> with <problem>
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And alice has created a Work group "W" with members bob
      When <actor> calls <method> with:
        """
        <options>
        """
      Then it fails with code 10004 naming "<field>"
      And nothing has changed

      Examples: Wrong types
        | problem                             | actor         | method               | options                                                                             | field                |
        | a number as a member's userID       | alice         | createGroup          | {"type": "Public", "name": "G", "memberList": [{"userID": "bob"}, {"userID": 5}]}   | memberList[1].userID |
        | a string for a boolean              | alice         | updateGroupProfile   | {"groupID": "{{P}}", "muteAllMembers": "yes"}                                       | muteAllMembers       |
        | a string for a number               | bob           | increaseGroupCounter | {"groupID": "{{W}}", "key": "likes", "value": "1"}                                  | value                |
        | a negative page size                | bob           | getGroupMemberList   | {"groupID": "{{W}}", "count": -1}                                                   | count                |
        | a number as an attribute value      | bob           | setGroupAttributes   | {"groupID": "{{W}}", "groupAttributes": {"theme": 1}}                               | groupAttributes.theme |
        | a string where a user list belongs  | alice         | addGroupMember       | {"groupID": "{{W}}", "userIDList": "bob"}                                           | userIDList           |
        | a number as the group ID            | alice         | getGroupProfile      | {"groupID": 42}                                                                     | groupID              |
        | a number where a group ID belongs   | alice         | dismissGroup         | 42                                                                                  | groupID              |
        | a number as the group to quit       | bob           | quitGroup            | 42                                                                                  | groupID              |

      Examples: Unknown options
        | problem                             | actor         | method               | options                                                                             | field                |
        | a misspelt option                   | alice         | createGroup          | {"type": "Public", "name": "G", "introducton": "typo"}                              | introducton          |
        | a REST field name in the SDK        | alice         | updateGroupProfile   | {"groupID": "{{P}}", "Name": "Renamed"}                                             | Name                 |
        | an SDK field name in REST           | the app admin | createGroup          | {"type": "Public", "name": "G", "owner": "alice"}                                   | owner                |
        | an unknown option beside the ID     | the app admin | destroyGroup         | {"groupID": "{{P}}", "reason": "spam"}                                              | reason               |
        | an unknown option beside the ID     | the app admin | getGroupInfo         | {"groupID": "{{P}}", "reason": "spam"}                                              | reason               |
        | options where none are taken        | alice         | getGroupApplicationList | {"groupID": "{{P}}"}                                                             | options              |

      Examples: null, empty and missing values
        | problem                             | actor         | method               | options                                                                             | field                |
        | a null name                         | alice         | createGroup          | {"type": "Public", "name": null}                                                    | name                 |
        | an empty new owner                  | alice         | changeGroupOwner     | {"groupID": "{{P}}", "newOwnerID": ""}                                              | newOwnerID           |
        | no options at all                   | alice         | getGroupProfile      | null                                                                                | options              |
        | a missing keyList                   | bob           | getGroupAttributes   | {"groupID": "{{W}}"}                                                                | keyList              |
        | a decision about nothing            | alice         | handleGroupApplication | {"handleAction": "Agree"}                                                         | application          |
        | a counter step of 0                 | bob           | increaseGroupCounter | {"groupID": "{{W}}", "key": "likes", "value": 0}                                    | value                |
        | no options at all for REST          | the app admin | destroyGroup         | null                                                                                | options              |
        | no options at all for REST          | the app admin | getGroupInfo         | null                                                                                | options              |

      Examples: Arrays and objects in each other's places
        | problem                             | actor         | method               | options                                                                             | field                |
        | an object where a list belongs      | alice         | createGroup          | {"type": "Public", "name": "G", "memberList": {"userID": "bob"}}                    | memberList           |
        | a list where an object belongs      | bob           | setGroupAttributes   | {"groupID": "{{W}}", "groupAttributes": ["theme"]}                                  | groupAttributes      |
        | a list as the options               | alice         | joinGroup            | ["{{P}}"]                                                                           | options              |
        | an object as custom fields          | alice         | updateGroupProfile   | {"groupID": "{{P}}", "groupCustomField": {"key": "k", "value": "v"}}                | groupCustomField     |

    Scenario: The documented optional options are accepted: getGroupList with a groupProfileFilter
      Given alice is logged in
      And alice has created a Public group "P"
      When alice calls getGroupList with:
        """
        {"groupProfileFilter": ["introduction", "notification"]}
        """
      Then it succeeds
      And the returned group list holds exactly "P"

    Scenario: A name of 100,000 bytes is refused without creating anything
      Given alice is logged in
      When alice calls createGroup with "HUGE" standing for 100000 copies of "x":
        """
        {"type": "Public", "name": "HUGE"}
        """
      Then it fails with code 10004 naming "name"
      And nothing has changed
      When alice lists her groups
      Then it succeeds
      And the returned group list holds exactly ""

    Scenario: A 1 MB announcement is refused and the old one kept
      Given alice is logged in
      And alice has created a Public group "P" with:
        | notification | Old news |
      When alice calls updateGroupProfile with "HUGE" standing for 350000 copies of "群":
        """
        {"groupID": "{{P}}", "notification": "HUGE"}
        """
      Then it fails with code 10004 naming "notification"
      And nothing has changed
      And the notification of "P" is "Old news"

    Scenario: A refused creation with members leaves the members' lists untouched
      Given alice and bob are logged in
      When alice calls createGroup with:
        """
        {"type": "Work", "name": "G", "memberList": [{"userID": "bob", "role": 7}]}
        """
      Then it fails with code 10004 naming "memberList[0].role"
      And nothing has changed
      And bob receives no system notice 7 (invited) about "G"
      And bob's group list is not updated

    Scenario: A logged-out quitGroup with a number for the group ID is refused with 10004, before the not-in-group answer
      Given bob is logged in
      And bob has logged out
      When bob calls quitGroup with:
        """
        42
        """
      Then it fails with code 10004 naming "groupID"

    Scenario Outline: handleGroupApplication with an application reference missing a part: <problem>
      Given alice and bob are logged in
      And alice has created a Public group "P"
      When alice calls handleGroupApplication with:
        """
        <options>
        """
      Then it fails with code 10004 naming "<field>"
      And nothing has changed

      Examples:
        | problem                              | options                                                                             | field                        |
        | an application without its group     | {"handleAction": "Agree", "application": {"applicationType": 0, "messageKey": 1}}   | application.groupID          |
        | an application of an unknown type    | {"handleAction": "Agree", "application": {"groupID": "{{P}}", "applicationType": 1, "messageKey": 1}} | application.applicationType |
        | an application without its key       | {"handleAction": "Agree", "application": {"groupID": "{{P}}", "applicationType": 0}} | application.messageKey      |

    Scenario: The app admin's destroyGroup without an argument is refused with 10004
      Given alice is logged in
      And alice has created a Public group "P"
      When the app admin calls destroyGroup
      Then it fails with code 10004 naming "options"
      And nothing has changed
