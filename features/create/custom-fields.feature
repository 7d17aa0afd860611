@area:create
Feature: Custom fields must be enabled before use
  Source: Web SDK "Group Management", "Creating a Group" (https://trtc.io/document/48465):
    "Custom group field, which is unavailable by default. For more information on how to enable a custom group field, see Group System."
    "// Group member custom field. // By default, this parameter is not available and needs to be enabled. // For details, see Custom Fields."
  An app enables its custom-field keys in the console; the simulator takes them as app configuration
  (`customFields`). An app that declares none accepts any key (docs/ambiguities.md#a65-custom-field-keys-enabled).

  @rule:create.custom-fields-must-be-enabled @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: A group or member custom field whose key the app has not enabled is refused with 10004, and nothing changes
    Quote: "Custom group field, which is unavailable by default. For more information on how to enable a custom group
    field, see Group System." (Web SDK, Group Management, https://trtc.io/document/48465)
    Quote: "// Group member custom field. // By default, this parameter is not available and needs to be enabled."
    (Web SDK, Group Management, https://trtc.io/document/48465)
    No source gives the refusal's code; groupspec reads it as 10004 naming the key's place, and an app that declares
    no keys accepts any (docs/ambiguities.md#a65-custom-field-keys-enabled).

    Scenario Outline: <Article> <type> group is created with an enabled group field, and refused one that is not enabled
      Given an app that has enabled only the group custom fields "level, region"
      And alice is logged in
      When alice creates <article> <type> group "G" with:
        | groupCustomField | [{"key": "level", "value": "gold"}] |
      Then it succeeds
      And the groupCustomField of "G" is [{"key": "level", "value": "gold"}]
      When alice creates <article> <type> group "H" with:
        | groupCustomField | [{"key": "level", "value": "gold"}, {"key": "colour", "value": "red"}] |
      Then it fails with code 10004 naming "groupCustomField[1].key"
      And nothing has changed
      And alice's group list does not contain "H"

      Examples:
        | Article | article | type       |
        | A       | a       | Work       |
        | A       | a       | Public     |
        | A       | a       | Meeting    |
        | An      | an      | AVChatRoom |
        | A       | a       | Community  |

    Scenario Outline: <Article> <type> group's profile takes only enabled group fields
      Given an app that has enabled only the group custom fields "level"
      And alice is logged in
      And alice has created <article> <type> group "G"
      When alice updates "G" with:
        | groupCustomField | [{"key": "colour", "value": "red"}] |
      Then it fails with code 10004 naming "groupCustomField[0].key"
      And nothing has changed
      And the groupCustomField of "G" is []
      When alice updates "G" with:
        | groupCustomField | [{"key": "level", "value": "silver"}] |
      Then it succeeds
      And the groupCustomField of "G" is [{"key": "level", "value": "silver"}]

      Examples:
        | Article | article | type       |
        | A       | a       | Work       |
        | A       | a       | Public     |
        | A       | a       | Meeting    |
        | An      | an      | AVChatRoom |
        | A       | a       | Community  |

    Scenario Outline: A member of <article> <type> group sets only enabled member fields
      Given an app that has enabled only the member custom fields "level"
      And alice and bob are logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      When bob sets his own custom field "rank" in "G" to "3"
      Then it fails with code 10004 naming "memberCustomField[0].key"
      And nothing has changed
      When bob sets his own custom field "level" in "G" to "3"
      Then it succeeds
      And the custom field "level" of bob in "G" is "3"

      Examples:
        | article | type      |
        | a       | Work      |
        | a       | Public    |
        | a       | Meeting   |
        | a       | Community |

    Scenario: Member fields given at creation must be enabled too
      Given an app that has enabled only the member custom fields "level"
      And alice and bob are logged in
      When alice creates a Work group "W" with:
        | memberList | [{"userID": "bob", "memberCustomField": [{"key": "group_member_test", "value": "test"}]}] |
      Then it fails with code 10004 naming "memberList[0].memberCustomField[0].key"
      And nothing has changed
      And bob's group list holds 0 groups

    Scenario: The app admin is held to the enabled keys as well
      Given an app that has enabled only the group custom fields "level"
      And alice is logged in
      And alice has created a Public group "P"
      When the app admin calls modifyGroupBaseInfo with:
        """
        {"groupID": "{{P}}", "groupCustomField": [{"key": "colour", "value": "red"}]}
        """
      Then it fails with code 10004 naming "groupCustomField[0].key"
      And nothing has changed
      And the groupCustomField of "P" is []
