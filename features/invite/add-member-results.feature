@area:invite
Feature: What adding members returns and whom it tells
  Source: Reference extract, addGroupMember (from the SDK code and the Web "Group Management" page of TIM v2):
    "Returns `data.successUserIDList`, `data.failureUserIDList`, `data.existedUserIDList`, `data.overLimitUserIDList`,
    and `data.group` **only if at least one user succeeded**"
  Source: Error Codes (https://intl.cloud.tencent.com/document/product/1047/34348):
    "Requested UserID does not exist"

  The batch size (500 per call) is specified in features/limits (limits.add-member-list-500), and the app admin's
  per-user REST results in features/admin (admin.add-reports-each-user).

  @rule:invite.result-lists @type:Work
  Rule: addGroupMember reports each user in the success, failure, existed or over-limit list, and returns the group only when someone was added
    Quote: "`group` is present only if something succeeded." (@tencentcloud/chat 3.6.6 group-module.js, per the SDK
    surface notes, https://www.npmjs.com/package/@tencentcloud/chat)
    Quote: "The SDK places the information of userX in overLimitUserIDList for the access side to process." (Web SDK,
    Group Management, https://trtc.io/document/48465)

    Scenario: A successful invitation lists the invitee as a success and returns the group
      Given alice is logged in
      And the account bob exists
      And alice has created a Work group "W"
      When alice adds bob to "W"
      Then it succeeds
      And the result's successUserIDList lists bob
      And the result's failureUserIDList is empty
      And the result's existedUserIDList is empty
      And the result's overLimitUserIDList is empty
      And the result's group.groupID is the ID of "W"
      And the result's group.memberCount is 2

    Scenario: A user at the group quota is listed as over the limit, is not added, and no group is returned
      Given an app where a user may belong to at most 1 groups
      And alice and carol are logged in
      And the account bob exists
      And carol has created a Work group "X" with members bob
      And alice has created a Work group "W"
      When alice adds bob to "W"
      Then it succeeds
      And the result's overLimitUserIDList lists bob
      And the result's successUserIDList is empty
      And the result has no group
      And bob is not a member of "W"
      And nothing has changed

    Scenario: A mixed call adds whom it can and still returns the group
      Given an app where a user may belong to at most 1 groups
      And alice and carol are logged in
      And the accounts bob, dan exist
      And carol has created a Work group "X" with members bob
      And alice has created a Work group "W"
      When alice adds bob and dan to "W"
      Then it succeeds
      And the result's successUserIDList lists dan
      And the result's overLimitUserIDList lists bob
      And the result's group.groupID is the ID of "W"
      And dan is a member of "W"
      And bob is not a member of "W"

  @rule:invite.existing-member-reported-as-existed @type:Work
  Rule: Adding a user who is already a member is not an error: the user is listed as existed and nothing changes
    Quote: "Server result codes: 1 success, 0 failure, 2 already in group, 4 over limit" (@tencentcloud/chat 3.6.6
    group-module.js, per the SDK surface notes, https://www.npmjs.com/package/@tencentcloud/chat)

    Scenario: Adding an existing member changes nothing and tells nobody
      Given alice and mia are logged in
      And alice has created a Work group "W" with members mia
      When alice adds mia to "W"
      Then it succeeds
      And the result's existedUserIDList lists mia
      And the result's successUserIDList is empty
      And the result has no group
      And nothing has changed
      And "W" has 2 members
      And mia receives no system notice 7 (invited) about "W"
      And mia receives no group tip 1 (member joined) about "W"

    Scenario: An existing member named beside a new one is listed as existed while the new one is added
      Given alice and mia are logged in
      And the account bob exists
      And alice has created a Work group "W" with members mia
      When alice adds mia and bob to "W"
      Then it succeeds
      And the result's existedUserIDList lists mia
      And the result's successUserIDList lists bob
      And "W" has 3 members

  @rule:invite.invitee-and-members-notified @type:Work @type:Community @ambiguous
  Rule: An invitee receives system notice 7 on every device, and the group's members receive a join tip naming the invitee
    Quote: "Invitees are notified with system notice operationType 7, and members see a join tip (Web defines only
    GRP_TIP_MBR_JOIN = 1 for joins; native uses INVITE = 2)." (Reference extract §12 rule 63, from Web "Group
    Management (Web & Mini Program)" of TIM v2 and the SDK typings,
    https://github.com/tencentyun/intlcloud-documents)
    Tips go to every member of the group as it is after the change, the operator and the invitee included
    (docs/ambiguities.md#a42-delivery-audience, docs/ambiguities.md#a19-tip-numbering).

    Scenario: Every device of the invitee hears of the invitation, and every member sees the join tip
      Given alice and carol are logged in
      And bob is logged in on his phone and his laptop
      And alice has created a Work group "W" with members carol, mia
      When mia adds bob to "W"
      Then it succeeds
      And bob on his phone eventually receives the system notice 7 (invited) about "W"
      And bob on his laptop eventually receives the system notice 7 (invited) about "W"
      And bob's group list is eventually updated to include "W"
      And alice eventually receives the group tip 1 (member joined) about "W" naming bob
      And carol eventually receives the group tip 1 (member joined) about "W" naming bob
      And bob eventually receives the group tip 1 (member joined) about "W" naming bob
      And alice receives no system notice 7 (invited) about "W"

    Scenario: Several invitees are named in one join tip
      Given alice, bob and dan are logged in
      And alice has created a Community group "C"
      When alice adds bob and dan to "C"
      Then it succeeds
      And bob eventually receives the system notice 7 (invited) about "C"
      And dan eventually receives the system notice 7 (invited) about "C"
      And alice eventually receives the group tip 1 (member joined) about "C" naming bob and dan

  @rule:invite.unknown-account-rejected @type:Work @type:Public
  Rule: Adding an account that does not exist is refused with 10019, and nobody in the call is added
    Quote: "Requested UserID does not exist" (Error Codes, https://intl.cloud.tencent.com/document/product/1047/34348)

    Scenario: A member's invitation naming an unknown account is refused whole
      Given alice is logged in
      And the account bob exists
      And alice has created a Work group "W"
      When alice adds bob and ghost to "W"
      Then it fails with code 10019 naming "userIDList[1]"
      And nothing has changed
      And bob is not a member of "W"
      And "W" has 1 member

    Scenario: The app admin's add of an unknown account is refused too
      Given alice is logged in
      And alice has created a Public group "P"
      When the app admin adds ghost to "P"
      Then it fails with code 10019 naming "userIDList[0]"
      And nothing has changed
      And "P" has 1 member
