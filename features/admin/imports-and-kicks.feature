@area:admin
Feature: The app admin's migration and account powers: imports, account deletion, kicks, the AVChatRoom member list
  Source: REST API, "Importing a Group Profile" (https://www.tencentcloud.com/document/product/1047/34967), "Importing
  Group Members" (https://www.tencentcloud.com/document/product/1047/34969), "Deleting Accounts"
  (https://www.tencentcloud.com/document/product/1047/34955), "Invalidating Account Login States"
  (https://www.tencentcloud.com/document/product/1047/34957), "Getting the List of Online Members in Audio-Video Group"
  (https://www.tencentcloud.com/document/product/1047/50293).
  Source: @tencentcloud/chat 3.6.6 (https://www.npmjs.com/package/@tencentcloud/chat): TYPES.KICKED_OUT_REST_API is
  "REST_API_Kick"; after a REST kick the SDK is not ready and its calls fail with 3006 (KICKED_OUT_REST_API).

  @rule:admin.import-group-keeps-its-history @type:Public
  Rule: REST import_group creates a group dated its CreateTime, owned as asked, and tells nobody
    Quote: "This API allows the app admin to import group data without triggering callbacks or delivering
    notifications." (REST API, Importing a Group Profile, https://www.tencentcloud.com/document/product/1047/34967)
    Quote: "AVChatRoom groups do not support importing basic group data. If you attempt to import basic group data for
    AVChatRoom groups, error 10007 is returned." (same page)

    Scenario: alice's group is imported with its 2015 creation time, and she hears nothing of it
      Given alice is logged in
      When the app admin calls importGroup with:
        """
        {"type": "Public", "name": "Old", "groupID": "imported", "ownerAccount": "alice", "createTime": 1448357837}
        """
      Then it succeeds
      And the result's createTime is 1448357837
      And the createTime of "imported" is 1448357837
      And alice owns "imported"
      And alice receives nothing

    Scenario: An AVChatRoom cannot be imported
      Given alice is logged in
      When the app admin calls importGroup with:
        """
        {"type": "AVChatRoom", "name": "Live", "groupID": "live"}
        """
      Then it fails with code 10007 naming "type"
      And nothing has changed

  @rule:admin.import-group-member-results @type:Public @ambiguous
  Rule: REST import_group_member imports members with their JoinTime and role, silently; each member's Result is 1 imported, 2 already a member, 0 failed
    Quote: "This API is used to import group members without triggering callbacks or delivering notifications." (REST
    API, Importing Group Members, https://www.tencentcloud.com/document/product/1047/34969)
    Quote: "Role of the group member to be imported. Currently, only Admin is supported." (same page)
    A JoinTime not after the group's CreateTime fails that member, as the Chinese page says
    (docs/ambiguities.md#a70-import-member-list-size).

    Scenario: bob is imported as an admin of alice's imported group; alice again is already a member; carol's JoinTime is too early
      Given alice and bob are logged in
      When the app admin calls importAccount with:
        """
        {"userID": "carol"}
        """
      And the app admin calls importGroup with:
        """
        {"type": "Public", "name": "Old", "groupID": "imported", "ownerAccount": "alice", "createTime": 1448357800}
        """
      And the app admin calls importGroupMember with:
        """
        {"groupID": "imported", "memberList": [{"userID": "bob", "role": "Admin", "joinTime": 1448357837, "unreadMsgNum": 5}, {"userID": "alice"}, {"userID": "carol", "joinTime": 1448357000}]}
        """
      Then it succeeds
      And the result's memberList[0].result is 1
      And the result's memberList[1].result is 2
      And the result's memberList[2].result is 0
      And the role of bob in "imported" is Admin
      And carol is not a member of "imported"
      And "imported" has 2 members
      And alice and bob receive nothing

  @rule:admin.kick-ends-every-session @type:Public
  Rule: REST kick logs the user out on every device, with KICKED_OUT REST_API_Kick; later calls fail with 3006 and nothing else changes
    Quote: "This API is used to invalidate the login state (for example, UserSig) of an app account." (REST API,
    Invalidating Account Login States, https://www.tencentcloud.com/document/product/1047/34957)
    Quote: "KICKED_OUT_REST_API: 'REST_API_Kick'" and error code "KICKED_OUT_REST_API: 3006" (@tencentcloud/chat 3.6.6,
    https://www.npmjs.com/package/@tencentcloud/chat)

    Scenario: alice, on her web and her phone, is kicked by the app's backend
      Given alice is logged in on her web and her phone
      And alice has created a Public group "P"
      When the app admin calls kick with:
        """
        {"userID": "alice"}
        """
      Then it succeeds
      And alice is eventually kicked out on every device with reason "REST_API_Kick"
      And alice owns "P"
      When alice lists her groups
      Then it fails with code 3006

  @rule:admin.deleted-account-leaves-its-groups @type:Public @ambiguous
  Rule: REST account_delete takes the user out of every group without a word to the others, leaves a group they owned without an owner, and kicks them out
    Quote: "When deleting an account, that user's contacts, profile, groups, sessions, and other data will also be
    deleted." (REST API, Deleting Accounts, https://www.tencentcloud.com/document/product/1047/34955)
    What the other members hear and what becomes of an owned group are not documented
    (docs/ambiguities.md#a71-account-delete-and-kick).

    Scenario: alice's account is deleted: bob keeps "P", which has no owner now
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When the app admin calls deleteAccounts with:
        """
        {"userIDList": ["alice"]}
        """
      Then it succeeds
      And the result's resultList[0].deleted is true
      And "P" has no owner
      And "P" has 1 member
      And bob is a member of "P"
      And bob receives nothing
      And alice is eventually kicked out on every device with reason "REST_API_Kick"

  @rule:admin.avchatroom-member-list @type:AVChatRoom
  Rule: REST get_members lists an AVChatRoom's members with their join times; NextTimestamp 0 ends the list
    Quote: "This API is used to get the list of online members in an audio-video group based on the group ID." (REST
    API, Getting the List of Online Members in Audio-Video Group, https://www.tencentcloud.com/document/product/1047/50293)
    Quote: "If the audio-video group has 500 or less members, the backend returns all members and NextTimestamp with the
    value 0." (same page)

    Scenario: bob, in alice's AVChatRoom, is listed to the app admin
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      When the app admin calls getAVChatRoomMembers with:
        """
        {"groupID": "{{AV}}", "timestamp": 0}
        """
      Then it succeeds
      And the result's memberList has 2 entries
      And the result's memberList[1].userID is "bob"
      And the result's nextTimestamp is 0
