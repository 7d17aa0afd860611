@area:dismiss
Feature: Dismissing (disbanding) a group
  Source: Web SDK "Group Management", "Disbanding a Group" (https://trtc.io/document/48465):
    "A work group cannot be disbanded."
  Source: Product "Group Management" (https://www.tencentcloud.com/document/product/1047/33530):
    "The app admin can call the RESTful API to disband any group."
    "For a public group (Public), meeting group (Meeting), AVChatRoom (AVChatRoom), or community group
    (Community), only the group owner can disband the group."
    "For a work group (Work), no one in the group can disband the group."
    "When the group is disbanded, all group members receive a system message stating that the group has been disbanded."

  @rule:dismiss.work-group-cannot-be-dismissed @type:Work
  Rule: Nobody in a Work group can dismiss it, not even its owner
    Quote: "A work group cannot be disbanded." (Web SDK, Group Management, https://trtc.io/document/48465)
    Quote: "For a work group (Work), no one in the group can disband the group." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    The refusal's code is not documented; groupspec reads it as 10007 (docs/ambiguities.md#a26-dismiss-work-group-code).

    Scenario: The owner of a Work group cannot dismiss it
      Given alice is logged in
      And alice has created a Work group "W" with members bob
      When alice dismisses "W"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And "W" still exists
      And bob receives no system notice 5 (group dismissed) about "W"

  @rule:dismiss.only-owner-dismisses @type:Public @type:Meeting @type:AVChatRoom @type:Community
  Rule: Only the owner can dismiss a Public, Meeting, AVChatRoom or Community group
    Quote: "For a public group (Public), meeting group (Meeting), AVChatRoom (AVChatRoom), or community group
    (Community), only the group owner can disband the group." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)

    Scenario Outline: The owner of <article> <type> group dismisses it
      Given alice is logged in
      And alice has created <article> <type> group "G"
      When alice dismisses "G"
      Then it succeeds
      And the result's groupID is the ID of "G"
      And "G" no longer exists

      Examples:
        | article | type       |
        | a       | Public     |
        | a       | Meeting    |
        | an      | AVChatRoom |
        | a       | Community  |

    Scenario Outline: Dismissing, by role and type: <role> may dismiss <article> <type> group
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And the actor is the <role> of "G"
      When the actor dismisses "G"
      Then it succeeds
      And "G" no longer exists

      Examples: The owner may dismiss every type but Work
        | role  | article | type       |
        | owner | a       | Public     |
        | owner | a       | Meeting    |
        | owner | an      | AVChatRoom |
        | owner | a       | Community  |

      Examples: The app admin may dismiss any group
        | role      | article | type       |
        | app admin | a       | Work       |
        | app admin | a       | Public     |
        | app admin | a       | Meeting    |
        | app admin | an      | AVChatRoom |
        | app admin | a       | Community  |

    Scenario Outline: Dismissing, by role and type: <role> may not dismiss <article> <type> group
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And the actor is the <role> of "G"
      When the actor dismisses "G"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And "G" still exists

      Examples: Not even the owner of a Work group
        | role  | article | type |
        | owner | a       | Work |

      Examples: Admins, members and non-members may not
        | role       | article | type       |
        | admin      | a       | Work       |
        | admin      | a       | Public     |
        | admin      | a       | Meeting    |
        | admin      | an      | AVChatRoom |
        | admin      | a       | Community  |
        | member     | a       | Work       |
        | member     | a       | Public     |
        | member     | a       | Meeting    |
        | member     | an      | AVChatRoom |
        | member     | a       | Community  |
        | non-member | a       | Work       |
        | non-member | a       | Public     |
        | non-member | a       | Meeting    |
        | non-member | an      | AVChatRoom |
        | non-member | a       | Community  |

  @rule:dismiss.app-admin-dismisses-any-group @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community
  Rule: The app admin can dismiss any group, Work groups included
    Quote: "The app admin can call the RESTful API to disband any group." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)

    Scenario: The app admin dismisses a Work group its owner could not
      Given alice is logged in
      And alice has created a Work group "W" with members bob
      When the app admin dismisses "W"
      Then it succeeds
      And "W" no longer exists
      And alice's group list does not contain "W"

  @rule:dismiss.members-told-of-dismissal @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community
  Rule: When a group is dismissed, every member receives a system notice saying so
    Quote: "When the group is disbanded, all group members receive a system message stating that the group has been
    disbanded." (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)

    Scenario: Every device of every member hears of the dismissal
      Given alice is logged in on her phone and her laptop
      And bob is logged in on his phone and his laptop
      And alice has created a Public group "P"
      And bob belongs to "P"
      When alice dismisses "P"
      Then it succeeds
      And alice eventually receives the system notice 5 (group dismissed) about "P"
      And bob on his phone eventually receives the system notice 5 (group dismissed) about "P"
      And bob on his laptop eventually receives the system notice 5 (group dismissed) about "P"
      And bob's group list is eventually updated to exclude "P"

    Scenario Outline: Every member of <article> <type> group hears of its dismissal by the owner
      Given alice, bob and carol are logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      And carol belongs to "G"
      When alice dismisses "G"
      Then it succeeds
      And alice eventually receives the system notice 5 (group dismissed) about "G"
      And bob eventually receives the system notice 5 (group dismissed) about "G"
      And carol eventually receives the system notice 5 (group dismissed) about "G"
      And "G" no longer exists

      Examples:
        | article | type       |
        | a       | Public     |
        | a       | Meeting    |
        | an      | AVChatRoom |
        | a       | Community  |

    Scenario Outline: Every member of <article> <type> group dismissed by the app admin hears of it
      Given alice, bob and carol are logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      And carol belongs to "G"
      When the app admin dismisses "G"
      Then it succeeds
      And alice eventually receives the system notice 5 (group dismissed) about "G"
      And bob eventually receives the system notice 5 (group dismissed) about "G"
      And carol eventually receives the system notice 5 (group dismissed) about "G"

      Examples:
        | article | type       |
        | a       | Work       |
        | a       | Public     |
        | a       | Meeting    |
        | an      | AVChatRoom |
        | a       | Community  |

    Scenario: Members of a Work group dismissed by the app admin hear of it too
      Given alice and bob are logged in
      And alice has created a Work group "W" with members bob
      When the app admin dismisses "W"
      Then it succeeds
      And bob eventually receives the system notice 5 (group dismissed) about "W"
      And alice eventually receives the system notice 5 (group dismissed) about "W"

  @rule:dismiss.dismissed-group-unreachable @type:Public
  Rule: Operations on a dismissed group fail with 10010
    Quote: "10010: The group does not exist or has been deleted" (Error Codes, https://intl.cloud.tencent.com/document/product/1047/34348)

    Scenario: A dismissed group can be neither read nor joined
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And alice has dismissed "P"
      When bob joins "P"
      Then it fails with code 10010 naming "groupID"
      When alice reads the profile of "P"
      Then it fails with code 10010 naming "groupID"
