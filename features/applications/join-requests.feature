@area:applications
Feature: Join requests: notifying, listing and deciding them
  Source: Web SDK "Group Management", "Processing (Approving or Rejecting) a Group Join Request"
  (https://trtc.io/document/48465):
    "If there are multiple admins in a group, when a user requests to join the group, all the online admins will
    receive the system notification of the group join request. If one of the admins processes (approves or rejects)
    the request, other admins cannot process it again, that is, they cannot modify the processing result."
    handleGroupApplication options: handleAction ("Agree", "Reject"), handleMessage, message (the system
    notification), application (an item of getGroupApplicationList); it resolves data.group.
  Source: Product "Group Management", "List of pending group messages"
  (https://www.tencentcloud.com/document/product/1047/33530):
    "Pending group operations refer to all group-related operations that require approval."
    "You can pull the list of pending group operations, report the read status of pending operations, and process
    pending operations (approve or reject). For a single user, the list can contain up to 50 pending operations."
  Source: Web "Group Management (Web & Mini Program)" system-notice table (https://github.com/tencentyun/intlcloud-documents):
    operationType 1 to the owner and admins, 2 and 3 to the applicant. Error Codes
    (https://intl.cloud.tencent.com/document/product/1047/34348): 10024.
  Reporting the read status of pending operations is a native-SDK call with no Web counterpart, so it is not modelled.

  @rule:applications.admins-notified-of-join-request @type:Public @type:Community
  Rule: A join request reaches every online owner and admin, on every device, as system notice 1
    Quote: "If there are multiple admins in a group, when a user requests to join the group, all the online admins will
    receive the system notification of the group join request." (Web SDK, Group Management,
    https://trtc.io/document/48465)
    Quote: "A join request notifies every online owner/admin with system notice operationType 1." (Web Group Management
    for Web and Mini Program, https://github.com/tencentyun/intlcloud-documents)

    Scenario: The owner's two devices and the admin hear of the request; members and the applicant do not
      Given alice is logged in on her phone and her laptop
      And bob is logged in on his phone
      And carol and dave are logged in
      And alice has created a Public group "P"
      And bob is an admin of "P"
      And carol belongs to "P"
      When dave asks to join "P" saying "let me in"
      Then the join status is "WaitAdminApproval"
      And alice on her phone eventually receives the system notice 1 (join request) about "P"
      And alice on her laptop eventually receives the system notice 1 (join request) about "P"
      And bob eventually receives the system notice 1 (join request) about "P"
      And the system notice 1 that bob received about "P" says "let me in"
      And carol receives no system notice 1 (join request) about "P"
      And dave receives no system notice 1 (join request) about "P"

    Scenario: A Community that requires approval notifies its owner the same way
      Given alice and dave are logged in
      And alice has created a Community group "C" with:
        | joinOption | NeedPermission |
      When dave asks to join "C" saying "hello"
      Then the join status is "WaitAdminApproval"
      And alice eventually receives the system notice 1 (join request) about "C"
      And the system notice 1 that alice received about "C" says "hello"

    Scenario: A Community member with the Custom role is no admin and hears nothing of the request
      Given alice, bob and dave are logged in
      And alice has created a Community group "C" with:
        | joinOption | NeedPermission |
      And bob belongs to "C"
      And alice has given bob the role "Custom" in "C"
      When dave asks to join "C" saying "hello"
      Then the join status is "WaitAdminApproval"
      And alice eventually receives the system notice 1 (join request) about "C"
      And bob receives no system notice 1 (join request) about "C"
      When bob lists his pending applications
      Then the result's applicationList is empty

  @rule:applications.first-decision-wins @type:Public
  Rule: Once one owner or admin has decided a join request, nobody can decide it again (10024)
    Quote: "If one of the admins processes (approves or rejects) the request, other admins cannot process it again,
    that is, they cannot modify the processing result." (Web SDK, Group Management, https://trtc.io/document/48465)
    Quote: "This invitation or app request has already been processed" (Error Codes,
    https://intl.cloud.tencent.com/document/product/1047/34348)

    Scenario: The owner rejects; the admin's later approval from the notice he received is refused
      Given alice, bob and dave are logged in
      And alice has created a Public group "P"
      And bob is an admin of "P"
      And dave has asked to join "P"
      And alice has rejected the application of dave to "P"
      When bob approves the application of dave to "P" from its system notice
      Then it fails with code 10024 naming "application"
      And nothing has changed
      And dave is not a member of "P"
      And dave receives no system notice 2 (application approved) about "P"

    Scenario: The owner approves; the admin's later rejection is refused and the applicant stays in
      Given alice, bob and dave are logged in
      And alice has created a Public group "P"
      And bob is an admin of "P"
      And dave has asked to join "P"
      And alice has approved the application of dave to "P"
      When bob approves the application of dave to "P" from its system notice
      Then it fails with code 10024 naming "application"
      And nothing has changed
      And dave is a member of "P"
      And "P" has 3 members

    Scenario: The one who decided cannot change the decision either
      Given alice and dave are logged in
      And alice has created a Public group "P"
      And dave has asked to join "P"
      And alice has rejected the application of dave to "P"
      When alice approves the application of dave to "P" from its system notice
      Then it fails with code 10024 naming "application"
      And nothing has changed
      And dave is not a member of "P"

  @rule:applications.decision-is-agree-or-reject @type:Public @ambiguous
  Rule: A join request is decided with handleAction Agree, which admits the applicant, or Reject, which does not
    Quote: "Processing result. Valid values: Agree, Reject." (Web SDK, Group Management, https://trtc.io/document/48465)
    Any other handleAction is bad input; groupspec refuses it with 10004 (docs/ambiguities.md#a39-bad-input).

    Scenario: Agree admits the applicant, who then sees the group
      Given alice and dave are logged in
      And alice has created a Public group "P"
      And dave has asked to join "P"
      When alice approves the application of dave to "P"
      Then it succeeds
      And dave is a member of "P"
      And the role of dave in "P" is Member
      And dave's group list is eventually updated to include "P"
      And alice eventually receives the group tip 1 (member joined) about "P" naming dave

    Scenario: Reject leaves the applicant outside
      Given alice and dave are logged in
      And alice has created a Public group "P"
      And dave has asked to join "P"
      When alice rejects the application of dave to "P" saying "not now"
      Then it succeeds
      And dave is not a member of "P"
      And "P" has 1 member
      And alice receives no group tip 1 (member joined) about "P"

    Scenario: Any other decision is refused and the request stays pending
      Given alice and dave are logged in
      And alice has created a Public group "P"
      And dave has asked to join "P"
      When alice calls handleGroupApplication with:
        """
        {"handleAction": "Ignore", "application": {"groupID": "{{P}}", "applicationType": 0, "messageKey": "any"}}
        """
      Then it fails with code 10004 naming "handleAction"
      And nothing has changed
      And dave is not a member of "P"
      When alice lists her pending applications
      Then the result's applicationList has 1 entries

  @rule:applications.applicant-told-of-decision @type:Public
  Rule: The applicant learns the decision: system notice 2 when approved, 3 when rejected, with the handler's remark
    Quote: "Approval delivers operationType 2 to the applicant; rejection delivers operationType 3." (Web Group
    Management for Web and Mini Program, https://github.com/tencentyun/intlcloud-documents)
    The remark is handleGroupApplication's handleMessage option ("Remarks" in the Web SDK's parameter table).

    Scenario: The approved applicant hears of it on every device, with the welcome remark
      Given alice is logged in
      And dave is logged in on his phone and his laptop
      And alice has created a Public group "P"
      And dave has asked to join "P"
      When alice approves the application of dave to "P" saying "welcome"
      Then it succeeds
      And dave on his phone eventually receives the system notice 2 (application approved) about "P"
      And dave on his laptop eventually receives the system notice 2 (application approved) about "P"
      And the system notice 2 that dave received about "P" says "welcome"
      And dave receives no system notice 3 (application rejected) about "P"

    Scenario: The rejected applicant hears of it, with the reason
      Given alice and dave are logged in
      And alice has created a Public group "P"
      And dave has asked to join "P"
      When alice rejects the application of dave to "P" saying "group is private"
      Then it succeeds
      And dave eventually receives the system notice 3 (application rejected) about "P"
      And the system notice 3 that dave received about "P" says "group is private"
      And dave receives no system notice 2 (application approved) about "P"
      And dave's group list is not updated

    Scenario: An approval without a remark tells the applicant an empty one
      Given alice and dave are logged in
      And alice has created a Public group "P"
      And dave has asked to join "P"
      When alice approves the application of dave to "P"
      Then it succeeds
      And dave eventually receives the system notice 2 (application approved) about "P" carrying:
        """
        {"payload": {"handleMessage": ""}}
        """

  @rule:applications.handling-resolves-group @type:Public
  Rule: handleGroupApplication resolves with the group's profile
    Quote: "console.log(imResponse.data.group); // Group profile" (Web SDK, Group Management,
    https://trtc.io/document/48465)

    Scenario: The approval returns the group with its new member counted
      Given alice and dave are logged in
      And alice has created a Public group "P"
      And dave has asked to join "P"
      When alice approves the application of dave to "P"
      Then it succeeds
      And the result's group.groupID is the ID of "P"
      And the result's group.memberCount is 2
      And the result's group.selfInfo.role is "Owner"

    Scenario: The rejection returns the group unchanged
      Given alice and dave are logged in
      And alice has created a Public group "P"
      And dave has asked to join "P"
      When alice rejects the application of dave to "P" saying "no"
      Then it succeeds
      And the result's group.groupID is the ID of "P"
      And the result's group.memberCount is 1

  @rule:applications.list-shows-unhandled-requests @type:Public
  Rule: The owner and admins can pull the list of pending requests, which holds only undecided ones
    Quote: "You can pull the list of pending group operations, report the read status of pending operations, and
    process pending operations (approve or reject)." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    Quote: "`getGroupApplicationList` returns only unhandled applications in `data.applicationList`."
    (@tencentcloud/chat 3.6.6 index.d.ts, https://www.npmjs.com/package/@tencentcloud/chat)

    Scenario: The owner and an admin see the request with its details; an ordinary member sees nothing
      Given alice, bob, carol and dave are logged in
      And alice has created a Public group "P"
      And bob is an admin of "P"
      And carol belongs to "P"
      And dave has asked to join "P" saying "I play chess"
      When alice lists her pending applications
      Then it succeeds
      And the result's applicationList has 1 entries
      And the result's applicationList[0].groupID is "{{P}}"
      And the result's applicationList[0].userID is "dave"
      And the result's applicationList[0].applicant is "dave"
      And the result's applicationList[0].applicationType is 0
      And the result's applicationList[0].note is "I play chess"
      When bob lists his pending applications
      Then the result's applicationList has 1 entries
      When carol lists her pending applications
      Then the result's applicationList is empty

    Scenario: A decided request leaves the list, an undecided one stays
      Given alice, carol and dave are logged in
      And alice has created a Public group "P"
      And carol has asked to join "P"
      And dave has asked to join "P"
      And alice has approved the application of dave to "P"
      When alice lists her pending applications
      Then the result's applicationList has 1 entries
      And the result's applicationList[0].userID is "carol"

    Scenario: A request made without a note is listed with an empty note
      Given alice and dave are logged in
      And alice has created a Public group "P"
      When dave joins "P"
      Then the join status is "WaitAdminApproval"
      When alice lists her pending applications
      Then the result's applicationList has 1 entries
      And the result's applicationList[0].userID is "dave"
      And the result's applicationList[0].note is ""

  @rule:applications.application-types @type:Public @ambiguous
  Rule: An application item tells a join request (applicationType 0) from a member's invitation awaiting approval (2)
    Quote: "Application items expose `applicationType` 0 (join request), 1 (invite needing invitee), 2 (invite needing
    admin)." (@tencentcloud/chat 3.6.6 index.d.ts, https://www.npmjs.com/package/@tencentcloud/chat)
    An invitation awaits approval when an ordinary member invites into a group whose inviteOption is NeedPermission
    (docs/ambiguities.md#a01-invites-public-meeting). Invitations that need the invitee's consent (type 1) are not
    modelled (docs/ambiguities.md#a47-notice-types-11-14).
    A join request and an invitation of the same user to the same group are two applications; only the join request is
    announced to the owner and admins by notice 1 (docs/ambiguities.md#a56-invitation-awaiting-approval-unannounced).

    Scenario: A member's invitation into a NeedPermission group becomes an application of type 2
      Given alice, bob and carol are logged in
      And alice has created a Public group "P" with:
        | inviteOption | NeedPermission |
      And bob belongs to "P"
      And bob has added carol to "P"
      When alice lists her pending applications
      Then the result's applicationList has 1 entries
      And the result's applicationList[0].applicationType is 2
      And the result's applicationList[0].userID is "carol"
      And the result's applicationList[0].applicant is "bob"
      And carol is not a member of "P"

    Scenario: Approving the invitation adds the invitee, who is told she was invited
      Given alice, bob and carol are logged in
      And alice has created a Public group "P" with:
        | inviteOption | NeedPermission |
      And bob belongs to "P"
      And bob has added carol to "P"
      When alice approves the application of carol to "P"
      Then it succeeds
      And carol is a member of "P"
      And carol eventually receives the system notice 7 (invited) about "P"
      And carol receives no system notice 2 (application approved) about "P"

    Scenario: A join request and an invitation of the same user are two applications; only the request is announced
      Given alice, bob and carol are logged in
      And alice has created a Public group "P" with:
        | inviteOption | NeedPermission |
      And bob belongs to "P"
      When bob adds carol to "P"
      Then it succeeds
      And alice receives no system notice 1 (join request) about "P"
      When carol asks to join "P" saying "me too"
      Then the join status is "WaitAdminApproval"
      And alice eventually receives the system notice 1 (join request) about "P"
      When alice lists her pending applications
      Then the result's applicationList lists carol and carol
      And the result's applicationList[0].applicationType is 2
      And the result's applicationList[1].applicationType is 0
      And the result's applicationList[1].applicant is "carol"

    Scenario: An invitation awaiting approval is listed with an empty note
      Given alice, bob and carol are logged in
      And alice has created a Public group "P" with:
        | inviteOption | NeedPermission |
      And bob belongs to "P"
      And bob has added carol to "P"
      When alice lists her pending applications
      Then the result's applicationList has 1 entries
      And the result's applicationList[0].applicationType is 2
      And the result's applicationList[0].note is ""

    Scenario: Rejecting an invitation tells the invitee nothing
      Given alice, bob and carol are logged in
      And alice has created a Public group "P" with:
        | inviteOption | NeedPermission |
      And bob belongs to "P"
      And bob has added carol to "P"
      When alice rejects the application of carol to "P" saying "no"
      Then it succeeds
      And carol is not a member of "P"
      And carol receives no system notice 3 (application rejected) about "P"

  @rule:applications.pending-list-holds-50 @type:Public @ambiguous
  Rule: A user's pending list shows at most 50 requests, the oldest first
    Quote: "For a single user, the list can contain up to 50 pending operations." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    The sources give neither the order nor the fate of the 51st request; groupspec shows the 50 oldest and never
    refuses a request because of the list's size (docs/ambiguities.md#a36-pending-list-order-and-size).

    Scenario: 50 pending requests are all listed
      Given alice is logged in
      And alice has created a Public group "P"
      And 50 users have asked to join "P"
      When alice lists her pending applications
      Then the result's applicationList has 50 entries
      And the result's applicationList[0].userID is "applicant0001"
      And the result's applicationList[49].userID is "applicant0050"

    Scenario: With 51 pending requests the newest waits off the list until a place frees up
      Given alice is logged in
      And alice has created a Public group "P"
      And 51 users have asked to join "P"
      When alice lists her pending applications
      Then the result's applicationList has 50 entries
      And the result's applicationList[0].userID is "applicant0001"
      And the result's applicationList[49].userID is "applicant0050"
      Given alice has approved the application of applicant0001 to "P"
      When alice lists her pending applications
      Then the result's applicationList has 50 entries
      And the result's applicationList[0].userID is "applicant0002"
      And the result's applicationList[49].userID is "applicant0051"

    Scenario: A request asked again moves behind the requests filed since
      Given alice, carol and dave are logged in
      And alice has created a Public group "P"
      And carol has asked to join "P" saying "first"
      And 10 seconds have passed
      And dave has asked to join "P"
      And 10 seconds have passed
      When carol asks to join "P" saying "again"
      Then the join status is "WaitAdminApproval"
      When alice lists her pending applications
      Then the result's applicationList lists dave and carol
      And the result's applicationList[0].userID is "dave"
      And the result's applicationList[1].userID is "carol"

  @rule:applications.decided-from-notice-or-list @type:Public
  Rule: A request can be decided from the system notice that announced it or from the pending list's item
    Quote: "Message instance of the group system notification" (Web SDK, Group Management, https://trtc.io/document/48465)
    Quote: "application: {...item}," (Web SDK, Group Management, https://trtc.io/document/48465)

    Scenario: The owner approves from the join-request notice her laptop received
      Given alice is logged in on her laptop
      And dave is logged in
      And alice has created a Public group "P"
      And dave has asked to join "P"
      When alice approves the application of dave to "P" from its system notice
      Then it succeeds
      And the result's group.groupID is the ID of "P"
      And dave is a member of "P"
      And dave eventually receives the system notice 2 (application approved) about "P"

    Scenario: The owner approves the item of her pending list
      Given alice and dave are logged in
      And alice has created a Public group "P"
      And dave has asked to join "P"
      When alice approves the application of dave to "P"
      Then it succeeds
      And dave is a member of "P"
      When alice lists her pending applications
      Then the result's applicationList is empty

  @rule:applications.only-owner-and-admins-decide @type:Public @type:Community @type:Work @type:Meeting @type:AVChatRoom @ambiguous
  Rule: Only the owner and admins decide join requests, and only Public groups and approving Communities have any
    Quote: "On request from the user and on approval from the group owner or admin" (Web SDK, Group Management,
    https://trtc.io/document/48465)
    Quote: "Approve or reject a membership application." (Group System, https://intl.cloud.tencent.com/document/product/1047/33529)
    The refusal's code for anyone else is not documented; groupspec reads it as 10007
    (docs/ambiguities.md#a37-moot-application). The app admin has no SDK session and no REST command decides
    applications, so it has no row in the grid; its own way in for an applicant, adding them through REST, is in
    rule applications.moot-once-applicant-joins. Work, Meeting and AVChatRoom groups never hold a request, because
    joinGroup either refuses or admits at once.

    Scenario Outline: Deciding a request, by role: <role> in <article> <type> group that needs approval
      Given alice and dave are logged in
      And alice has created <article> <type> group "G" with:
        | joinOption | NeedPermission |
      And dave has asked to join "G"
      And the actor is the <role> of "G"
      When the actor approves the application of dave to "G"
      Then <outcome>
      And <membership>

      Examples: The owner and admins decide
        | role  | article | type      | outcome     | membership              |
        | owner | a       | Public    | it succeeds | dave is a member of "G" |
        | owner | a       | Community | it succeeds | dave is a member of "G" |
        | admin | a       | Public    | it succeeds | dave is a member of "G" |
        | admin | a       | Community | it succeeds | dave is a member of "G" |

      Examples: Members and non-members may not
        | role       | article | type      | outcome                                   | membership                  |
        | member     | a       | Public    | it fails with code 10007 naming "groupID" | dave is not a member of "G" |
        | member     | a       | Community | it fails with code 10007 naming "groupID" | dave is not a member of "G" |
        | non-member | a       | Public    | it fails with code 10007 naming "groupID" | dave is not a member of "G" |
        | non-member | a       | Community | it fails with code 10007 naming "groupID" | dave is not a member of "G" |

    Scenario Outline: A member's refused decision in <article> <type> group leaves the request pending
      Given alice, carol and dave are logged in
      And alice has created <article> <type> group "G" with:
        | joinOption | NeedPermission |
      And carol belongs to "G"
      And dave has asked to join "G"
      When carol rejects the application of dave to "G" saying "no"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And dave receives no system notice 3 (application rejected) about "G"
      When alice lists her pending applications
      Then the result's applicationList has 1 entries

      Examples:
        | article | type      |
        | a       | Public    |
        | a       | Community |

    Scenario Outline: joinGroup never files a request in <article> <type> group, whatever join option was asked for
      Given alice and dave are logged in
      And alice has created <article> <type> group "G" with:
        | joinOption | NeedPermission |
      When dave joins "G"
      Then <outcome>
      And alice receives no system notice 1 (join request) about "G"
      When alice lists her pending applications
      Then the result's applicationList is empty

      Examples:
        | article | type       | outcome                                   |
        | a       | Work       | it fails with code 10007 naming "groupID" |
        | a       | Meeting    | the join status is "JoinedSuccess"        |
        | an      | AVChatRoom | the join status is "JoinedSuccess"        |

  @rule:applications.moot-once-applicant-joins @type:Public @ambiguous
  Rule: A request whose applicant has become a member another way is withdrawn; deciding it then gives 10024
    Quote: "This invitation or app request has already been processed" (Error Codes,
    https://intl.cloud.tencent.com/document/product/1047/34348)
    No source says what becomes of such a request; groupspec removes it (docs/ambiguities.md#a37-moot-application).

    Scenario: The app admin adds the applicant; the owner's later approval from the notice is refused
      Given alice and dave are logged in
      And alice has created a Public group "P"
      And dave has asked to join "P"
      And the app admin has added dave to "P"
      When alice lists her pending applications
      Then the result's applicationList is empty
      When alice approves the application of dave to "P" from its system notice
      Then it fails with code 10024 naming "application"
      And nothing has changed
      And dave is a member of "P"

    Scenario: A request whose approval was refused at the cap is still withdrawn when the app admin adds the applicant
      Given an app where a Public group holds at most 2 members
      And alice, bob and dave are logged in
      And alice has created a Public group "P"
      And dave has asked to join "P"
      And bob belongs to "P"
      When alice approves the application of dave to "P"
      Then it fails with code 10014 naming "groupID"
      When alice removes bob from "P"
      Then it succeeds
      When the app admin adds dave to "P"
      Then it succeeds
      When alice lists her pending applications
      Then the result's applicationList is empty

    Scenario: An invitation and a join request of the same user are both withdrawn when the app admin adds the user
      Given alice, bob and carol are logged in
      And alice has created a Public group "P" with:
        | inviteOption | NeedPermission |
      And bob belongs to "P"
      And bob has added carol to "P"
      And carol has asked to join "P"
      When the app admin adds carol to "P"
      Then it succeeds
      When alice lists her pending applications
      Then the result's applicationList is empty

    Scenario: After her invitation is rejected, a user's join request is still withdrawn when the app admin adds her
      Given alice, bob and carol are logged in
      And alice has created a Public group "P" with:
        | inviteOption | NeedPermission |
      And bob belongs to "P"
      And bob has added carol to "P"
      And carol has asked to join "P"
      When alice rejects the application of carol to "P" saying "no"
      Then it succeeds
      When the app admin adds carol to "P"
      Then it succeeds
      When alice lists her pending applications
      Then the result's applicationList is empty

    Scenario: After another applicant is approved, the first applicant's request is still withdrawn when the app admin adds her
      Given alice, carol and dave are logged in
      And alice has created a Public group "P"
      And carol has asked to join "P"
      And dave has asked to join "P"
      When alice approves the application of dave to "P"
      Then it succeeds
      When the app admin adds carol to "P"
      Then it succeeds
      When alice lists her pending applications
      Then the result's applicationList is empty

  @rule:applications.pending-until-decided @type:Public @ambiguous
  Rule: A request stays pending until it is decided, its applicant joins, or its group is dismissed
    Quote: "Pending group operations refer to all group-related operations that require approval." (Product, Group
    Management, https://www.tencentcloud.com/document/product/1047/33530)
    No source gives an expiry; groupspec keeps requests indefinitely (docs/ambiguities.md#a44-application-expiry).

    Scenario: A request is still pending a week later
      Given alice and dave are logged in
      And alice has created a Public group "P"
      And dave has asked to join "P"
      And 604800 seconds have passed
      When alice lists her pending applications
      Then the result's applicationList has 1 entries
      When alice approves the application of dave to "P"
      Then it succeeds
      And dave is a member of "P"

    Scenario: Dismissing the group drops its requests
      Given alice and dave are logged in
      And alice has created a Public group "P"
      And dave has asked to join "P"
      And alice has dismissed "P"
      When alice lists her pending applications
      Then the result's applicationList is empty
      When alice approves the application of dave to "P" from its system notice
      Then it fails with code 10010 naming "groupID"
      And nothing has changed
      And "P" no longer exists
      And dave's group list does not contain "P"

    Scenario: Approving one applicant leaves the others' requests pending
      Given alice, bob and carol are logged in
      And alice has created a Public group "P"
      And bob has asked to join "P"
      And carol has asked to join "P"
      When alice approves the application of bob to "P"
      Then it succeeds
      When alice lists her pending applications
      Then the result's applicationList lists carol
      And the result's applicationList[0].groupID is the ID of "P"

    Scenario: An applicant admitted to one group still waits for the other group she asked to join
      Given alice and bob are logged in
      And alice has created a Public group "P1"
      And alice has created a Public group "P2"
      And bob has asked to join "P1"
      And bob has asked to join "P2"
      When alice lists her pending applications
      Then the result's applicationList lists bob and bob
      When alice approves the application of bob to "P1"
      Then it succeeds
      When alice lists her pending applications
      Then the result's applicationList lists bob
      And the result's applicationList[0].groupID is the ID of "P2"

    Scenario: A group created again under a dismissed group's ID inherits none of its requests
      Given alice, bob and carol are logged in
      And alice has created a Public group "P" with:
        | groupID | club |
      And carol has created a Public group "Q"
      And bob has asked to join "P"
      And bob has asked to join "Q"
      And alice has dismissed "P"
      When alice creates a Public group "P2" with:
        | groupID | club |
      Then it succeeds
      When alice lists her pending applications
      Then the result's applicationList is empty
      When carol lists her pending applications
      Then the result's applicationList lists bob
      And the result's applicationList[0].groupID is the ID of "Q"

  @rule:applications.asking-again-refreshes-the-request @type:Public @ambiguous
  Rule: An applicant who asks again while pending refreshes the one request instead of filing a second
    Quote: "For a single user, the list can contain up to 50 pending operations." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    No source says what a repeated request does; groupspec keeps one request per applicant and group, with the latest
    note (docs/ambiguities.md#a36-pending-list-order-and-size).

    Scenario: The second request replaces the first note
      Given alice and dave are logged in
      And alice has created a Public group "P"
      And dave has asked to join "P" saying "first"
      When dave asks to join "P" saying "second"
      Then the join status is "WaitAdminApproval"
      And alice eventually receives the system notice 1 (join request) about "P"
      When alice lists her pending applications
      Then the result's applicationList has 1 entries
      And the result's applicationList[0].note is "second"
