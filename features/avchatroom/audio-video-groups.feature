@area:avchatroom
Feature: What sets audio-video groups (AVChatRoom) apart: entering, one room at a time, bans, no member profiles
  Source: Web SDK "Group Management" (https://trtc.io/document/48465):
    "After this API is used to create TencentCloudChat.TYPES.GRP_AVCHATROOM (an audio-video group), the joinGroup API
    needs to be called to join the group to enable the messaging process."
    "A user can join one audio-video group at a time. For example, if a user is already in audio-video group A and
    attempts to join audio-video group B, the SDK will remove the user from audio-video group A first and then add the
    user to audio-video group B."
  Source: Product "Group Management" (https://www.tencentcloud.com/document/product/1047/33530):
    "Obtain the user profile of a group member: AVChatRoom does not store group member information and does not
    support obtaining the User Profile of a group member."
  Source: Group System (https://intl.cloud.tencent.com/document/product/1047/33529), native "Group Member Management"
  (https://github.com/tencentyun/intlcloud-documents) and @tencentcloud/chat 3.6.6
  (https://www.npmjs.com/package/@tencentcloud/chat): removal as a ban (2686), 2687, owner-only muting.
  Joining an AVChatRoom while logged out is in features/session/.

  @rule:avchatroom.creator-enters-with-join @type:AVChatRoom @ambiguous
  Rule: The creator of an AVChatRoom owns it from the start and enters it with joinGroup
    Quote: "After this API is used to create TencentCloudChat.TYPES.GRP_AVCHATROOM (an audio-video group), the
    joinGroup API needs to be called to join the group to enable the messaging process." (Web SDK, Group Management,
    https://trtc.io/document/48465)
    The sources do not say whether the creator is a member before joining; groupspec counts the owner as a member
    from creation, and the owner's first joinGroup enters the room (JoinedSuccess), a later one is AlreadyInGroup
    (docs/ambiguities.md#a32-avchatroom-owner-presence). Messaging itself is not modelled
    (docs/ambiguities.md#a62-messaging-not-modelled).

    Scenario: The owner enters the room she created, once
      Given alice is logged in
      And alice has created an AVChatRoom group "AV"
      And "AV" has 1 member
      When alice joins "AV"
      Then the join status is "JoinedSuccess"
      And the result's group.groupID is the ID of "AV"
      And the result's group.selfInfo.role is "Owner"
      And alice owns "AV"
      And "AV" has 1 member
      When alice joins "AV"
      Then the join status is "AlreadyInGroup"
      And nothing has changed

  @rule:avchatroom.one-room-at-a-time @type:AVChatRoom @ambiguous
  Rule: A user is in one AVChatRoom at a time: joining another takes them out of the first, unless the login allows many
    Quote: "A user can join one audio-video group at a time." (Web SDK, Group Management, https://trtc.io/document/48465)
    Quote: "For example, if a user is already in audio-video group A and attempts to join audio-video group B, the SDK
    will remove the user from audio-video group A first and then add the user to audio-video group B." (Web SDK, Group
    Management, https://trtc.io/document/48465)
    Quote: "Joining AVChatRoom B while in AVChatRoom A makes the SDK quit A first (unless `unlimitedAVChatRoom`)."
    (@tencentcloud/chat 3.6.6 index.d.ts, https://www.npmjs.com/package/@tencentcloud/chat)
    unlimitedAVChatRoom is a create() option of the SDK; groupspec gives it per login
    (docs/ambiguities.md#a22-avchatroom-single-room). An owner who moves on keeps owning, and belonging to, the room
    left; only their presence moves (docs/ambiguities.md#a32-avchatroom-owner-presence).

    Scenario: A viewer moving to a second room leaves the first
      Given alice, bob and carol are logged in
      And alice has created an AVChatRoom group "A"
      And carol has created an AVChatRoom group "B"
      And bob has joined "A"
      When bob joins "B"
      Then the join status is "JoinedSuccess"
      And bob is a member of "B"
      And bob is not a member of "A"
      And "A" has 1 member
      And "B" has 2 members
      And alice eventually receives the group tip 2 (member quit) about "A" naming bob
      And bob receives no system notice 8 (quit) about "A"

    Scenario: A viewer who has left another group since he joined leaves his room for the second
      Given alice, bob and carol are logged in
      And carol has created a Work group "P" with members bob
      And alice has created an AVChatRoom group "A"
      And carol has created an AVChatRoom group "B"
      And bob has joined "A"
      And bob has quit "P"
      When bob joins "B"
      Then the join status is "JoinedSuccess"
      And bob is not a member of "A"
      And bob is a member of "B"
      And alice eventually receives the group tip 2 (member quit) about "A" naming bob

    Scenario: A viewer banned from his room is no longer in it when he joins another
      Given alice, bob and carol are logged in
      And alice has created an AVChatRoom group "A"
      And carol has created an AVChatRoom group "B"
      And bob has joined "A"
      And alice has removed bob from "A" for 60 seconds
      When bob joins "B"
      Then the join status is "JoinedSuccess"
      And bob is a member of "B"
      And "A" has 1 member
      And alice receives no group tip 2 (member quit) about "A"

    Scenario: A viewer logged in with unlimited AVChatRooms stays in both rooms
      Given alice and carol are logged in
      And bob is logged in with unlimited AVChatRooms
      And alice has created an AVChatRoom group "A"
      And carol has created an AVChatRoom group "B"
      And bob has joined "A"
      When bob joins "B"
      Then the join status is "JoinedSuccess"
      And bob is a member of "A"
      And bob is a member of "B"
      And "A" has 2 members
      And alice receives no group tip 2 (member quit) about "A"

    Scenario: A viewer with unlimited AVChatRooms who joins a room he is still in is told AlreadyInGroup
      Given alice and carol are logged in
      And bob is logged in with unlimited AVChatRooms
      And alice has created an AVChatRoom group "A"
      And carol has created an AVChatRoom group "B"
      And bob has joined "A"
      And bob has joined "B"
      When bob joins "A"
      Then the join status is "AlreadyInGroup"
      And nothing has changed
      And bob is a member of "A"
      And bob is a member of "B"

    Scenario: An owner who enters another room keeps her own
      Given alice and carol are logged in
      And alice has created an AVChatRoom group "A"
      And carol has created an AVChatRoom group "B"
      And alice has joined "A"
      When alice joins "B"
      Then the join status is "JoinedSuccess"
      And alice owns "A"
      And "A" has 1 member
      And alice is a member of "B"
      And "B" has 2 members

    Scenario: Logging in on another device, and that device's login being replaced, leave the first login's unlimited AVChatRooms
      Given alice and carol are logged in
      And bob is logged in with unlimited AVChatRooms
      And bob is logged in on his laptop
      And alice has created an AVChatRoom group "A"
      And carol has created an AVChatRoom group "B"
      And bob has joined "A"
      When bob logs in again on his laptop
      And bob joins "B"
      Then the join status is "JoinedSuccess"
      And bob is a member of "A"
      And bob is a member of "B"

  @rule:avchatroom.removal-needs-duration @type:AVChatRoom
  Rule: Removing a member from an AVChatRoom needs a duration above 0 seconds (2686)
    Quote: "AVChatRoom removal on Web requires `duration` > 0 (else 2686) and the Ultimate package (else 3122)."
    (@tencentcloud/chat 3.6.6 index.d.ts, https://www.npmjs.com/package/@tencentcloud/chat)
    groupspec's apps have every package, so 3122 is never given.

    Scenario: Without a duration the owner's removal is refused
      Given alice, bob and carol are logged in
      And alice has created an AVChatRoom group "AV"
      And bob and carol belong to "AV"
      When alice removes bob from "AV"
      Then it fails with code 2686 naming "duration"
      And nothing has changed
      And bob is a member of "AV"
      And bob receives no system notice 4 (removed) about "AV"

    Scenario: A duration of 0 seconds is refused too
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      When alice removes bob from "AV" for 0 seconds
      Then it fails with code 2686 naming "duration"
      And nothing has changed
      And bob is a member of "AV"

    Scenario: With a duration the member is removed and everyone is told
      Given alice, bob and carol are logged in
      And alice has created an AVChatRoom group "AV"
      And bob and carol belong to "AV"
      When alice removes bob from "AV" for 60 seconds
      Then it succeeds
      And the result's userIDList lists bob
      And bob is not a member of "AV"
      And "AV" has 2 members
      And bob eventually receives the system notice 4 (removed) about "AV"
      And carol eventually receives the group tip 10 (member banned) about "AV" naming bob

  @rule:avchatroom.only-owner-removes @type:AVChatRoom @ambiguous
  Rule: Only the owner removes members from an AVChatRoom
    Quote: "For an audio-video group, only the group owner, not the admin or ordinary members, has the permission to
    remove members." (Native Group Member Management, https://github.com/tencentyun/intlcloud-documents)
    The Group System page says AVChatRoom members cannot be removed at all; groupspec follows the newer Web and native
    pages. A member's refusal is 10007; a non-member's is the SDK's 2603 (the group is not in its list); the app admin's
    REST delete_group_member is refused with 10004 (docs/ambiguities.md#a17-avchatroom-removal).

    Scenario: The owner removes a viewer
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      When alice removes bob from "AV" for 300 seconds
      Then it succeeds
      And bob is not a member of "AV"

    Scenario: A viewer cannot remove another viewer
      Given alice, bob and carol are logged in
      And alice has created an AVChatRoom group "AV"
      And bob and carol belong to "AV"
      When carol removes bob from "AV" for 300 seconds
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And bob is a member of "AV"
      And bob receives no system notice 4 (removed) about "AV"

    Scenario: Someone outside the room cannot remove anyone
      Given alice, bob and nina are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      When nina removes bob from "AV" for 300 seconds
      Then it fails with code 2603 naming "groupID"
      And nothing has changed
      And bob is a member of "AV"

    Scenario: The app admin's REST removal is refused
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      When the app admin removes bob from "AV"
      Then it fails with code 10004 naming "groupID"
      And nothing has changed
      And bob is a member of "AV"

    Scenario: A viewer cannot remove even someone who is not in the room
      Given alice, bob and carol are logged in
      And the account zed exists
      And alice has created an AVChatRoom group "AV"
      And bob and carol belong to "AV"
      When carol removes zed from "AV" for 300 seconds
      Then it fails with code 10007 naming "groupID"
      When carol removes alice from "AV" for 300 seconds
      Then it fails with code 10007 naming "groupID"
      And nothing has changed

  @rule:avchatroom.removal-bans-until-duration-ends @type:AVChatRoom @ambiguous
  Rule: A member removed from an AVChatRoom cannot come back until the duration has passed
    Quote: "AVChatRoom: the call becomes a ban, which requires `duration` (missing or 0 → **2686**)."
    (@tencentcloud/chat 3.6.6 index.d.ts, https://www.npmjs.com/package/@tencentcloud/chat)
    No source gives the code a banned user's join gets; groupspec reads it as 10007
    (docs/ambiguities.md#a17-avchatroom-removal).

    Scenario: The banned viewer is refused at 59 seconds and let in at 60
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      And alice has removed bob from "AV" for 60 seconds
      And 59 seconds have passed
      When bob joins "AV"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And bob is not a member of "AV"
      When 1 seconds pass
      And bob joins "AV"
      Then the join status is "JoinedSuccess"
      And bob is a member of "AV"

    Scenario: The ban tip carries the duration of each removed viewer
      Given alice, bob and carol are logged in
      And alice has created an AVChatRoom group "AV"
      And bob and carol belong to "AV"
      When alice removes bob from "AV" for 60 seconds
      Then it succeeds
      And carol eventually receives the group tip 10 (member banned) about "AV" whose memberList[0].userID is "bob"
      And carol eventually receives the group tip 10 (member banned) about "AV" whose memberList[0].muteTime is 60

  @rule:avchatroom.app-admin-bans-and-unbans @type:AVChatRoom @ambiguous
  Rule: The app admin bans viewers of an AVChatRoom over REST for a duration and unbans them: a banned viewer leaves
    the room and cannot rejoin until the ban ends or is lifted
    Quote: "A banned member cannot receive messages nor rejoin the audio-video group during the ban duration."
    (REST API, Banning Group Members, https://www.tencentcloud.com/document/product/1047/50296)
    Quote: "An unbanned member can rejoin the audio-video group to receive messages." (REST API, Unbanning Group
    Members, https://www.tencentcloud.com/document/product/1047/50297)
    It is the ban an owner's removal with a duration sets, refused with 10007 on rejoining
    (docs/ambiguities.md#a17-avchatroom-removal, docs/ambiguities.md#a69-admin-store-commands).

    Scenario: The app admin's ban keeps a viewer out until the app admin lifts it
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      When the app admin calls banGroupMember with:
        """
        {"groupID": "{{AV}}", "userIDList": ["bob"], "duration": 3600, "description": "spam"}
        """
      Then it succeeds
      And bob is not a member of "AV"
      And bob eventually receives the system notice 4 (removed) about "AV"
      When the app admin calls getGroupBanMember with:
        """
        {"groupID": "{{AV}}"}
        """
      Then it succeeds
      And the result's bannedList[0].userID is "bob"
      When bob joins "AV"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      When the app admin calls unbanGroupMember with:
        """
        {"groupID": "{{AV}}", "userIDList": ["bob"]}
        """
      Then it succeeds
      And the result's userIDList is ["bob"]
      When bob joins "AV"
      Then the join status is "JoinedSuccess"
      And bob is a member of "AV"

    Scenario: A viewer the app admin bans for 60 seconds is refused at 59 seconds and let in at 60
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      When the app admin calls banGroupMember with:
        """
        {"groupID": "{{AV}}", "userIDList": ["bob"], "duration": 60}
        """
      Then it succeeds
      And 59 seconds have passed
      When bob joins "AV"
      Then it fails with code 10007 naming "groupID"
      When 1 seconds pass
      And bob joins "AV"
      Then the join status is "JoinedSuccess"

  @rule:avchatroom.no-member-profiles @type:AVChatRoom @ambiguous
  Rule: An AVChatRoom stores no member profiles: name cards, member fields and member profiles are refused (2687), and
    the member list holds only the most recent members, without profiles
    Quote: "Obtain the user profile of a group member: AVChatRoom does not store group member information and does not
    support obtaining the User Profile of a group member." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    Quote: "AVChatRoom stores no member profiles; member-list retrieval needs Ultimate and returns ≤1000 recent
    members." (Group System, https://intl.cloud.tencent.com/document/product/1047/33529)
    The member list pages 500 members at a time (@tencentcloud/chat 3.6.6) and gives each member's userID, nick,
    avatar and joinTime only. groupspec reads "does not store group member information" as "stores no member
    profiles": the room still knows who is in it (docs/ambiguities.md#a61-avchatroom-member-list).

    Scenario: The owner cannot set a viewer's name card, nor the viewer his own
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      When alice sets the name card of bob in "AV" to "Bobby"
      Then it fails with code 2687 naming "groupID"
      And nothing has changed
      When bob sets his own name card in "AV" to "Bobby 群"
      Then it fails with code 2687 naming "groupID"
      And nothing has changed

    Scenario: Member custom fields cannot be set
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      When alice sets the custom field "level" of bob in "AV" to "gold"
      Then it fails with code 2687 naming "groupID"
      And nothing has changed

    Scenario: Member profiles cannot be read
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      When alice calls getGroupMemberProfile with:
        """
        {"groupID": "{{AV}}", "userIDList": ["bob"]}
        """
      Then it fails with code 2687 naming "groupID"
      And nothing has changed

    Scenario: The member list gives who is in the room, without roles, name cards or mute state
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      When alice lists the members of "AV"
      Then it succeeds
      And the result's memberList lists alice and bob
      And the result has no memberList[1].role
      And the result has no memberList[1].nameCard
      And the result has no memberList[1].muteUntil
      And the result has no memberList[1].memberCustomField

    Scenario: The member list shows each member's nick and avatar from their account
      Given alice is logged in
      And the app admin calls importAccount with:
        """
        {"userID": "bob", "nick": "Bee", "avatar": "https://x.test/bee.png"}
        """
      And bob is logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      When alice lists the members of "AV"
      Then it succeeds
      And the listed member bob has nick "Bee"
      And the listed member bob has avatar "https://x.test/bee.png"
      And the listed member alice has nick ""

    Scenario: With 1000 members all 1000 are listed, 500 per page
      Given alice is logged in
      And alice has created an AVChatRoom group "AV"
      And 999 viewers have entered "AV" and logged out
      When alice lists the members of "AV"
      Then the result's memberList has 500 entries
      And the result's memberList[0].userID is "alice"
      And the result's offset is 500
      When alice lists the members of "AV" with:
        | offset | 500 |
      Then the result's memberList has 500 entries
      And the result's memberList[499].userID is "viewer0999"
      And the result's offset is 0

    Scenario: With 1001 members the earliest no longer appears
      Given alice is logged in
      And alice has created an AVChatRoom group "AV"
      And 1000 viewers have entered "AV" and logged out
      When alice lists the members of "AV"
      Then the result's memberList has 500 entries
      And the result's memberList[0].userID is "viewer0001"
      And the result's offset is 500
      When alice lists the members of "AV" with:
        | offset | 500 |
      Then the result's memberList has 500 entries
      And the result's memberList[499].userID is "viewer1000"
      And the result's offset is 0
      And "AV" has 1001 members

    Scenario: A viewer whose account has no profile is listed with an empty nick and avatar
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      When alice lists the members of "AV"
      Then it succeeds
      And the listed member bob has nick ""
      And the listed member bob has avatar ""

  @rule:avchatroom.only-owner-mutes @type:AVChatRoom @ambiguous
  Rule: In an AVChatRoom only the owner mutes members
    Quote: "In AVChatRoom only the owner may mute." (Group System, https://intl.cloud.tencent.com/document/product/1047/33529)
    An AVChatRoom has no admins; the app admin mutes with the owner's powers through REST
    (docs/ambiguities.md#a18-avchatroom-roles). The room stores no member profiles, so a mute is observed through the
    member-profile tip (7) it sends.

    Scenario: The owner mutes a viewer
      Given alice, bob and carol are logged in
      And alice has created an AVChatRoom group "AV"
      And bob and carol belong to "AV"
      When alice mutes bob in "AV" for 60 seconds
      Then it succeeds
      And the result's member.userID is "bob"
      And carol eventually receives the group tip 7 (member profile updated) about "AV" naming bob

    Scenario: A viewer cannot mute another viewer
      Given alice, bob and carol are logged in
      And alice has created an AVChatRoom group "AV"
      And bob and carol belong to "AV"
      When carol mutes bob in "AV" for 60 seconds
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And bob receives no group tip 7 (member profile updated) about "AV"

    Scenario: The app admin mutes a viewer through REST
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob belongs to "AV"
      When the app admin mutes bob in "AV" for 60 seconds
      Then it succeeds
      And the result's userIDList lists bob
      And alice eventually receives the group tip 7 (member profile updated) about "AV" naming bob

  @rule:avchatroom.excluded-from-group-list @type:AVChatRoom @ambiguous
  Rule: AVChatRooms are not in the user's group list, and entering or leaving one does not update it
    Quote: "Pull the list of groups that the current user has joined." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    Quote: "直播群（AVChatRoom）不支持该 API" (V2TIM headers, https://github.com/TencentCloud/TIMSDK)
    The Web page does not say whether getGroupList includes AVChatRooms; groupspec applies the native statement to
    the Web, and quitGroup still works on a room the user is in (docs/ambiguities.md#a31-group-list-excludes-avchatroom).

    Scenario: A viewer's and the owner's lists hold their other groups only
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And alice has created a Public group "P"
      And bob belongs to "AV"
      And bob belongs to "P"
      When bob lists his groups
      Then it succeeds
      And the result's groupList has 1 entries
      And the result's groupList[0].groupID is "{{P}}"
      And alice's group list does not contain "AV"
      And alice's group list contains "P"

    Scenario: Entering a room sends no group-list update
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      When bob joins "AV"
      Then the join status is "JoinedSuccess"
      And bob's group list is not updated
      And bob's group list does not contain "AV"

    Scenario: Leaving a room works though it is not in the list
      Given alice and bob are logged in
      And alice has created an AVChatRoom group "AV"
      And bob has joined "AV"
      When bob quits "AV"
      Then it succeeds
      And the result's groupID is the ID of "AV"
      And bob is not a member of "AV"
      And bob's group list is not updated
      And bob eventually receives the system notice 8 (quit) about "AV"
