@area:quit
Feature: Leaving (quitting) a group
  Source: Web SDK "Group Management", "Leaving a Group" (https://trtc.io/document/48465):
    "A group owner can only leave a work group, after which the work group will have no group owner."
    quitGroup(groupID) resolves data.groupID, the "ID of the group that the user leaves".
  Source: Product "Group Management", "Active quit" (https://www.tencentcloud.com/document/product/1047/33530):
    "A group member initiates the active quit operation."
    "When a group member actively quits the group, the leaving member receives a system message stating that he/she
    has left the group, and other members in the group also receive an event message about the member quitting the
    group."
  Source: Error Codes (https://intl.cloud.tencent.com/document/product/1047/34348): 10009 "The group owner is not
  allowed to leave the group"; @tencentcloud/chat 3.6.6 (https://www.npmjs.com/package/@tencentcloud/chat): 2623.
  Quitting while logged out is in features/session/.

  @rule:quit.members-may-leave @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community
  Rule: Any member may quit a group, except the owner of a group other than a Work group
    Quote: "A group member initiates the active quit operation." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    Quote: "A group owner can only leave a work group, after which the work group will have no group owner." (Web SDK,
    Group Management, https://trtc.io/document/48465)
    Work groups and AVChatRooms have no admins, so the "admin" there is an ordinary member. The app admin is no
    member of any group and has no SDK session to call quitGroup with, so it has no row in the grid.

    Scenario Outline: An ordinary member quits <article> <type> group
      Given alice and bob are logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      When bob quits "G"
      Then it succeeds
      And bob is not a member of "G"
      And "G" has 1 member
      And alice eventually receives the group tip 2 (member quit) about "G" naming bob

      Examples:
        | article | type       |
        | a       | Work       |
        | a       | Public     |
        | a       | Meeting    |
        | an      | AVChatRoom |
        | a       | Community  |

    Scenario Outline: Quitting, by role and type: <role> in <article> <type> group
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And the actor is the <role> of "G"
      When the actor quits "G"
      Then <outcome>

      Examples: The owner may leave only a Work group
        | role  | article | type       | outcome                                   |
        | owner | a       | Work       | it succeeds                               |
        | owner | a       | Public     | it fails with code 10009 naming "groupID" |
        | owner | a       | Meeting    | it fails with code 10009 naming "groupID" |
        | owner | an      | AVChatRoom | it fails with code 10009 naming "groupID" |
        | owner | a       | Community  | it fails with code 10009 naming "groupID" |

      Examples: Admins and members may leave any group
        | role   | article | type       | outcome     |
        | admin  | a       | Work       | it succeeds |
        | admin  | a       | Public     | it succeeds |
        | admin  | a       | Meeting    | it succeeds |
        | admin  | an      | AVChatRoom | it succeeds |
        | admin  | a       | Community  | it succeeds |
        | member | a       | Work       | it succeeds |
        | member | a       | Public     | it succeeds |
        | member | a       | Meeting    | it succeeds |
        | member | an      | AVChatRoom | it succeeds |
        | member | a       | Community  | it succeeds |

      Examples: A non-member has nothing to quit
        | role       | article | type       | outcome                                  |
        | non-member | a       | Work       | it fails with code 2623 naming "groupID" |
        | non-member | a       | Public     | it fails with code 2623 naming "groupID" |
        | non-member | a       | Meeting    | it fails with code 2623 naming "groupID" |
        | non-member | an      | AVChatRoom | it fails with code 2623 naming "groupID" |
        | non-member | a       | Community  | it fails with code 2623 naming "groupID" |

  @rule:quit.resolves-group-id @type:Public
  Rule: quitGroup resolves with the ID of the group the user left
    Quote: "console.log(imResponse.data.groupID); // ID of the group that the user leaves" (Web SDK, Group Management,
    https://trtc.io/document/48465)

    Scenario: The result names the group left, which leaves the user's list
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When bob quits "P"
      Then it succeeds
      And the result's groupID is the ID of "P"
      And bob's group list does not contain "P"
      And bob's group list is eventually updated to exclude "P"

  @rule:quit.owner-may-leave-work-group @type:Work
  Rule: The owner of a Work group may leave it, and the group then has no owner
    Quote: "A group owner can only leave a work group, after which the work group will have no group owner." (Web SDK,
    Group Management, https://trtc.io/document/48465)

    Scenario: The owner leaves; the group stays with its members and no owner
      Given alice, bob and carol are logged in
      And alice has created a Work group "W" with members bob, carol
      When alice quits "W"
      Then it succeeds
      And the result's groupID is the ID of "W"
      And "W" still exists
      And "W" has no owner
      And "W" has 2 members
      And alice is not a member of "W"
      And bob and carol are members of "W"
      And alice eventually receives the system notice 8 (quit) about "W"
      And bob eventually receives the group tip 2 (member quit) about "W" naming alice
      And bob's group list is eventually updated to include "W"
      And alice's group list is eventually updated to exclude "W"

  @rule:quit.owner-cannot-quit-non-work @type:Public @type:Meeting @type:AVChatRoom @type:Community
  Rule: The owner of a Public, Meeting, AVChatRoom or Community group cannot quit it (10009)
    Quote: "The group owner is not allowed to leave the group" (Error Codes,
    https://intl.cloud.tencent.com/document/product/1047/34348)
    Quote: "The owner cannot quit Public, Meeting, AVChatRoom or Community groups (10009)." (Group System,
    https://intl.cloud.tencent.com/document/product/1047/33529)

    Scenario Outline: The owner of <article> <type> group tries to quit it
      Given alice and bob are logged in
      And alice has created <article> <type> group "G"
      And bob belongs to "G"
      When alice quits "G"
      Then it fails with code 10009 naming "groupID"
      And nothing has changed
      And alice owns "G"
      And "G" has 2 members
      And alice receives no system notice 8 (quit) about "G"
      And bob receives no group tip 2 (member quit) about "G"

      Examples:
        | article | type       |
        | a       | Public     |
        | a       | Meeting    |
        | an      | AVChatRoom |
        | a       | Community  |

  @rule:quit.non-member-cannot-quit @type:Public @type:Meeting
  Rule: Quitting a group the user is not in fails with 2623
    Quote: "`quitGroup` on a group the user is not in fails with 2623 (Web)." (@tencentcloud/chat 3.6.6 index.d.ts,
    https://www.npmjs.com/package/@tencentcloud/chat)
    The SDK answers from its own list of the user's groups before asking the server, so a group that does not exist,
    or no longer does, also gives 2623 rather than the server's 10010.

    Scenario: A non-member cannot quit
      Given alice and bob are logged in
      And alice has created a Public group "P"
      When bob quits "P"
      Then it fails with code 2623 naming "groupID"
      And nothing has changed
      And "P" has 1 member
      And bob receives no system notice 8 (quit) about "P"
      And alice receives no group tip 2 (member quit) about "P"

    Scenario: A user who has already quit cannot quit again
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      And bob has quit "P"
      When bob quits "P"
      Then it fails with code 2623 naming "groupID"
      And nothing has changed
      And bob is not a member of "P"

    Scenario: An ID that names no group cannot be quit
      Given bob is logged in
      When bob calls quitGroup with "no-such-group"
      Then it fails with code 2623 naming "groupID"
      And nothing has changed

    Scenario: A former member of a dismissed group cannot quit it
      Given alice and bob are logged in
      And alice has created a Meeting group "M"
      And bob belongs to "M"
      And alice has dismissed "M"
      When bob quits "M"
      Then it fails with code 2623 naming "groupID"
      And nothing has changed
      And "M" no longer exists

  @rule:quit.leaver-and-members-told @type:Public
  Rule: The member who quits receives system notice 8 on every device; the remaining members receive tip 2
    Quote: "When a group member actively quits the group, the leaving member receives a system message stating that
    he/she has left the group, and other members in the group also receive an event message about the member quitting
    the group." (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)
    Quote: "The quitting user receives system notice operationType 8; others receive tip GRP_TIP_MBR_QUIT (2)." (Web
    Group Management for Web and Mini Program, https://github.com/tencentyun/intlcloud-documents)

    Scenario: Each side hears of the quit in its own way
      Given alice is logged in
      And bob is logged in on his phone and his laptop
      And carol is logged in
      And alice has created a Public group "P"
      And bob and carol belong to "P"
      When bob quits "P"
      Then it succeeds
      And bob on his phone eventually receives the system notice 8 (quit) about "P"
      And bob on his laptop eventually receives the system notice 8 (quit) about "P"
      And alice eventually receives the group tip 2 (member quit) about "P" naming bob
      And carol eventually receives the group tip 2 (member quit) about "P" naming bob
      And bob receives no group tip 2 (member quit) about "P"
      And alice receives no system notice 8 (quit) about "P"
      And carol receives no system notice 8 (quit) about "P"
      And bob's group list is eventually updated to exclude "P"
      And "P" has 2 members

  @rule:quit.last-member-recycles-group @type:Work @type:Public @type:AVChatRoom @ambiguous
  Rule: A group whose last member quits is deleted
    Quote: "backend does not repossess unless owner disbands or all members quit (configurable)" (Group System,
    https://intl.cloud.tencent.com/document/product/1047/33529)
    groupspec takes the default: the group is deleted with its pending requests, nobody is notified, and later
    calls on it give 10010 (docs/ambiguities.md#a35-empty-group-recycled). An AVChatRoom is never deleted this way:
    the app admin creates them empty, and viewers come and go.

    Scenario: The owner alone in a Work group quits, and the group is gone
      Given alice is logged in
      And alice has created a Work group "W"
      When alice quits "W"
      Then it succeeds
      And "W" no longer exists
      When alice joins "W"
      Then it fails with code 10010 naming "groupID"

    Scenario: The last viewer leaves an AVChatRoom, and the room stays
      Given bob is logged in
      And the app admin has created an AVChatRoom group "AV" without an owner
      And bob has joined "AV"
      When bob quits "AV"
      Then it succeeds
      And "AV" still exists
      And "AV" has 0 members

    Scenario: The last member of an ownerless Public group quits, and its pending request goes with it
      Given bob and dave are logged in
      And the app admin has created a Public group "P" without an owner
      And bob is an admin of "P"
      And dave has asked to join "P"
      When bob quits "P"
      Then it succeeds
      And "P" no longer exists
      When bob lists his pending applications
      Then the result's applicationList is empty

    Scenario: A group created again under the recycled group's ID inherits none of its requests
      Given alice, bob, carol and dave are logged in
      And the app admin calls createGroup with:
        """
        {"type": "Public", "name": "P", "groupID": "club"}
        """
      And dave has created a Public group "Q"
      And bob is an admin of "club"
      And carol has asked to join "club"
      And carol has asked to join "Q"
      When bob quits "club"
      Then it succeeds
      And "club" no longer exists
      When alice calls createGroup with:
        """
        {"type": "Public", "name": "again", "groupID": "club"}
        """
      Then it succeeds
      And alice owns "club"
      When alice lists her pending applications
      Then the result's applicationList is empty
      When dave lists his pending applications
      Then the result's applicationList lists carol
      And the result's applicationList[0].groupID is the ID of "Q"
