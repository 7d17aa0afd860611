@area:limits
Feature: How many users one createGroup or addGroupMember call may name
  Source: Web SDK "Group Management", "Creating a Group" (https://trtc.io/document/48465):
    "List of up to 500 existing group members."
  Source: @tencentcloud/chat 3.6.6 index.d.ts (https://www.npmjs.com/package/@tencentcloud/chat), addGroupMember:
    "An array of IDs of the group members to be added. Up to 500 group members can be added at a time."
  Source: Error Codes (https://intl.cloud.tencent.com/document/product/1047/34348): 10005, too many accounts in one
    request.

  @rule:limits.create-member-list-500 @type:Work @type:Public @type:Meeting @type:Community @ambiguous
  Rule: createGroup's memberList names at most 500 users; 501 are refused with 10005 and nothing is created
    Quote: "List of up to 500 existing group members." (Web SDK, Group Management, https://trtc.io/document/48465)
    Quote: "Initial group member list, which can contain up to 500 members." (@tencentcloud/chat 3.6.6 index.d.ts,
    https://www.npmjs.com/package/@tencentcloud/chat)
    Other pages give 100 (REST) or 20 (native); groupspec takes 500 for the Web SDK and reads the refusal as 10005
    (docs/ambiguities.md#a12-batch-sizes).

    Scenario: A group created with 500 members holds 501
      Given alice is logged in
      And the accounts u1 to u500 exist
      When alice creates a Public group "G" with members u1 to u500
      Then it succeeds
      And "G" has 501 members
      And u1 and u500 are members of "G"

    Scenario: A group cannot be created with 501 members
      Given alice is logged in
      And the accounts u1 to u501 exist
      When alice creates a Public group "G" with members u1 to u501
      Then it fails with code 10005 naming "memberList"
      And nothing has changed
      And alice's group list holds 0 groups
      And u1 is a member of 0 groups, AVChatRooms included

  @rule:limits.add-member-list-500 @type:Work @type:Public @type:Meeting @type:Community @ambiguous
  Rule: addGroupMember names at most 500 users; 501 are refused with 10005 and nobody is added
    Quote: "An array of IDs of the group members to be added. Up to 500 group members can be added at a time."
    (@tencentcloud/chat 3.6.6 index.d.ts, https://www.npmjs.com/package/@tencentcloud/chat)
    Quote: "`addGroupMember.userIDList` holds at most 500 IDs (Web)." (Reference extract §12 rule 60, citing the
    typings @tencentcloud/chat 3.6.6 index.d.ts, https://www.npmjs.com/package/@tencentcloud/chat)
    Other pages give 300, 100 or 20; groupspec takes the typings' 500 for the Web SDK and reads the refusal as 10005
    (docs/ambiguities.md#a12-batch-sizes).

    Scenario: The owner of a Community adds 500 users at once
      Given alice is logged in
      And alice has created a Community group "C"
      And the accounts u1 to u500 exist
      When alice adds u1 to u500 to "C"
      Then it succeeds
      And the result's successUserIDList has 500 entries
      And "C" has 501 members
      And u500 is a member of "C"

    Scenario: The owner of a Community cannot add 501 users at once
      Given alice is logged in
      And alice has created a Community group "C"
      And the accounts u1 to u501 exist
      When alice adds u1 to u501 to "C"
      Then it fails with code 10005 naming "userIDList"
      And nothing has changed
      And "C" has 1 member
      And u1 is not a member of "C"
