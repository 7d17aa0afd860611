@area:profile
Feature: Reading and modifying the group profile
  Source: Product "Group Management", "Group Profile Management" (https://www.tencentcloud.com/document/product/1047/33530):
    "The group profile includes properties that are specific to a single group, such as the group name, introduction,
    announcement, and group owner, as well as custom group fields."
    "Group members obtain the group profile: Group members can obtain the group profile."
    "Non-members obtain the group profile: Non-members can only obtain the group profile if it is made public."
    "Obtain the user profile in the group: users can obtain their own User Profiles in all groups, or in a single group."
    "You can modify the group name, introduction, announcement, group avatar, group name card, group join options,
    group-level custom fields, group member roles, member-level custom fields, and settings for receiving group messages."
  Source: Web SDK "Group Management", "Creating a Group" (https://trtc.io/document/48465), on joinOption:
    "Note: It cannot be modified for TencentCloudChat.TYPES.GRP_WORK, TencentCloudChat.TYPES.GRP_MEETING, and
    TencentCloudChat.TYPES.GRP_AVCHATROOM groups."
  Source: reference extract §12 rules 88 and 94–98 ([GS], [GO], [WGP], [DTS], [R-MODIFY]).

  @rule:profile.members-read-the-profile @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community
  Rule: A member reads the whole group profile, announcement included, in data.group (custom fields when asked for)
    Quote: "Group members obtain the group profile: Group members can obtain the group profile." (Product, Group Management,
    https://www.tencentcloud.com/document/product/1047/33530)
    Quote: "`getGroupProfile` resolves `data.group`; non-members see only public fields." (reference extract §12 rule 97, [WGP], [S002])
    Custom fields come only when asked for by key: profile.custom-fields-by-filter.

    Scenario Outline: A member of <article> <type> group reads its profile
      Given alice and bob are logged in
      And alice has created <article> <type> group "G" with:
        | introduction | About us          |
        | notification | Meeting at 10 am  |
        | avatar       | https://x.test/a  |
      And bob belongs to "G"
      When bob reads the profile of "G"
      Then it succeeds
      And the result's group.groupID is the ID of "G"
      And the result's group.name is "G"
      And the result's group.type is "<wire>"
      And the result's group.introduction is "About us"
      And the result's group.notification is "Meeting at 10 am"
      And the result's group.avatar is "https://x.test/a"
      And the result's group.ownerID is "alice"

      Examples:
        | article | type       | wire       |
        | a       | Work       | Private    |
        | a       | Public     | Public     |
        | a       | Meeting    | ChatRoom   |
        | an      | AVChatRoom | AVChatRoom |
        | a       | Community  | Community  |

  @rule:profile.non-members-read-only-public-profiles @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: A non-member reads only a public profile: a Work group's profile is refused, other types show their public fields
    Quote: "Non-members obtain the group profile: Non-members can only obtain the group profile if it is made public."
    (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)
    No source says which profiles are public: groupspec treats every type but Work as public and blanks the announcement
    and custom fields for non-members (docs/ambiguities.md#a33-non-member-profile).

    Scenario Outline: A non-member reads the profile of <article> <type> group
      Given alice and nina are logged in
      And alice has created <article> <type> group "G" with:
        | notification | Members only |
      When nina reads the profile of "G"
      Then it succeeds
      And the result's group.groupID is the ID of "G"
      And the result's group.name is "G"
      And the result's group.ownerID is "alice"
      And the result's group.notification is ""
      And the result's group.groupCustomField is []
      And the result's group.selfInfo is {}

      Examples:
        | article | type       |
        | a       | Public     |
        | a       | Meeting    |
        | an      | AVChatRoom |
        | a       | Community  |

    Scenario: A non-member cannot read a Work group's profile
      Given alice and nina are logged in
      And alice has created a Work group "W" with:
        | notification | Members only |
      When nina reads the profile of "W"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And nina is not a member of "W"

    Scenario Outline: Reading the profile, by role and type: <role> in <article> <type> group
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And the actor is the <role> of "G"
      When the actor reads the profile of "G"
      Then <outcome>
      And <check>

      Examples: Members of every type read the profile
        | role   | article | type       | outcome     | check                               |
        | owner  | a       | Work       | it succeeds | the returned profile is that of "G" |
        | owner  | a       | Public     | it succeeds | the returned profile is that of "G" |
        | owner  | a       | Meeting    | it succeeds | the returned profile is that of "G" |
        | owner  | an      | AVChatRoom | it succeeds | the returned profile is that of "G" |
        | owner  | a       | Community  | it succeeds | the returned profile is that of "G" |
        | admin  | a       | Work       | it succeeds | the returned profile is that of "G" |
        | admin  | a       | Public     | it succeeds | the returned profile is that of "G" |
        | admin  | a       | Meeting    | it succeeds | the returned profile is that of "G" |
        | admin  | an      | AVChatRoom | it succeeds | the returned profile is that of "G" |
        | admin  | a       | Community  | it succeeds | the returned profile is that of "G" |
        | member | a       | Work       | it succeeds | the returned profile is that of "G" |
        | member | a       | Public     | it succeeds | the returned profile is that of "G" |
        | member | a       | Meeting    | it succeeds | the returned profile is that of "G" |
        | member | an      | AVChatRoom | it succeeds | the returned profile is that of "G" |
        | member | a       | Community  | it succeeds | the returned profile is that of "G" |

      Examples: Non-members read every profile but a Work group's
        | role       | article | type       | outcome                                   | check                               |
        | non-member | a       | Work       | it fails with code 10007 naming "groupID" | nothing has changed                 |
        | non-member | a       | Public     | it succeeds                               | the returned profile is that of "G" |
        | non-member | a       | Meeting    | it succeeds                               | the returned profile is that of "G" |
        | non-member | an      | AVChatRoom | it succeeds                               | the returned profile is that of "G" |
        | non-member | a       | Community  | it succeeds                               | the returned profile is that of "G" |

      Examples: The app admin reads every profile through REST get_group_info
        | role      | article | type       | outcome     | check                               |
        | app admin | a       | Work       | it succeeds | the returned profile is that of "G" |
        | app admin | a       | Public     | it succeeds | the returned profile is that of "G" |
        | app admin | a       | Meeting    | it succeeds | the returned profile is that of "G" |
        | app admin | an      | AVChatRoom | it succeeds | the returned profile is that of "G" |
        | app admin | a       | Community  | it succeeds | the returned profile is that of "G" |

  @rule:profile.own-member-profile-in-groups @type:Public @type:Work
  Rule: A user reads their own member profile in one group, or in all their groups at once
    Quote: "Obtain the user profile in the group: users can obtain their own User Profiles in all groups, or in a single group."
    (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)
    The SDK carries a user's own member profile as selfInfo of each group.

    Scenario: bob reads his role and name card in one group and in all of them
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And alice has created a Work group "W" with members bob
      And bob is an admin of "P"
      When bob sets his own name card in "W" to "Bobby"
      Then it succeeds
      When bob reads the profile of "P"
      Then it succeeds
      And the result's group.selfInfo.role is "Admin"
      And the result's group.selfInfo.userID is "bob"
      When bob lists his groups
      Then it succeeds
      And the returned group list holds exactly "P, W"
      And the returned group list shows "W" with selfInfo.role "Member"
      And the returned group list shows "W" with selfInfo.nameCard "Bobby"
      And the returned group list shows "P" with selfInfo.role "Admin"

    Scenario: A member reads his own custom field in the group's selfInfo
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When bob sets his own custom field "level" in "P" to "gold"
      Then it succeeds
      When bob reads the profile of "P"
      Then it succeeds
      And the result's group.selfInfo.memberCustomField is [{"key": "level", "value": "gold"}]

  @rule:profile.edit-rights-by-type @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: Who may edit the profile depends on the type: any Work member; Public, Meeting and Community owner and admins; AVChatRoom owner only
    Quote: "In a work group (Work), an ordinary member has the permission to modify the group profile." (Group System,
    https://intl.cloud.tencent.com/document/product/1047/33529)
    Quote: "In Public/Community only owner/admin may modify the group profile; in AVChatRoom only the owner." (reference extract
    §12 rule 96, [GS], [GO]; Group System, https://intl.cloud.tencent.com/document/product/1047/33529)
    The primary documents are silent on Meeting groups and [GS] and [GO] disagree; groupspec lets their owner and admins edit
    (docs/ambiguities.md#a07-meeting-profile-editing). The app admin edits every profile through REST modify_group_base_info.

    Scenario: An ordinary member of a Public group cannot rename it
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When bob changes the name of "P" to "Hijacked"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And the name of "P" is "P"
      And alice receives no group tip 6 (group profile updated) about "P"

    Scenario Outline: Renaming, by role and type: <role> in <article> <type> group
      Given alice is logged in
      And alice has created <article> <type> group "G"
      And the actor is the <role> of "G"
      When the actor changes the name of "G" to "Renamed"
      Then <outcome>
      And the name of "G" is <name>

      Examples: The owner edits every type
        | role  | article | type       | outcome     | name      |
        | owner | a       | Work       | it succeeds | "Renamed" |
        | owner | a       | Public     | it succeeds | "Renamed" |
        | owner | a       | Meeting    | it succeeds | "Renamed" |
        | owner | an      | AVChatRoom | it succeeds | "Renamed" |
        | owner | a       | Community  | it succeeds | "Renamed" |

      Examples: Admins edit Public, Meeting and Community groups (in Work and AVChatRoom they are plain members)
        | role  | article | type       | outcome                                   | name      |
        | admin | a       | Work       | it succeeds                               | "Renamed" |
        | admin | a       | Public     | it succeeds                               | "Renamed" |
        | admin | a       | Meeting    | it succeeds                               | "Renamed" |
        | admin | an      | AVChatRoom | it fails with code 10007 naming "groupID" | "G"       |
        | admin | a       | Community  | it succeeds                               | "Renamed" |

      Examples: Ordinary members edit only Work groups; non-members edit nothing
        | role       | article | type       | outcome                                   | name      |
        | member     | a       | Work       | it succeeds                               | "Renamed" |
        | member     | a       | Public     | it fails with code 10007 naming "groupID" | "G"       |
        | member     | a       | Meeting    | it fails with code 10007 naming "groupID" | "G"       |
        | member     | an      | AVChatRoom | it fails with code 10007 naming "groupID" | "G"       |
        | member     | a       | Community  | it fails with code 10007 naming "groupID" | "G"       |
        | non-member | a       | Work       | it fails with code 10007 naming "groupID" | "G"       |
        | non-member | a       | Public     | it fails with code 10007 naming "groupID" | "G"       |
        | non-member | a       | Meeting    | it fails with code 10007 naming "groupID" | "G"       |
        | non-member | an      | AVChatRoom | it fails with code 10007 naming "groupID" | "G"       |
        | non-member | a       | Community  | it fails with code 10007 naming "groupID" | "G"       |

      Examples: The app admin edits every type
        | role      | article | type       | outcome     | name      |
        | app admin | a       | Work       | it succeeds | "Renamed" |
        | app admin | a       | Public     | it succeeds | "Renamed" |
        | app admin | a       | Meeting    | it succeeds | "Renamed" |
        | app admin | an      | AVChatRoom | it succeeds | "Renamed" |
        | app admin | a       | Community  | it succeeds | "Renamed" |

  @rule:profile.work-members-edit-basic-fields-only @type:Work
  Rule: An ordinary member of a Work group may change its name, introduction, announcement and avatar, and nothing else
    Quote: "In Work groups any member may change name, introduction, notification and avatar — and nothing else." (reference
    extract §12 rule 95, [GS]; Group System, https://intl.cloud.tencent.com/document/product/1047/33529)

    Scenario: A Work member changes the four basic fields at once
      Given alice and bob are logged in
      And alice has created a Work group "W" with members bob
      When bob updates "W" with:
        | name         | Team W            |
        | introduction | We build things   |
        | notification | Standup at 9      |
        | avatar       | https://x.test/w  |
      Then it succeeds
      And the name of "W" is "Team W"
      And the introduction of "W" is "We build things"
      And the notification of "W" is "Standup at 9"
      And the avatar of "W" is "https://x.test/w"

    Scenario: A Work member cannot change the member cap or the custom fields
      Given alice and bob are logged in
      And alice has created a Work group "W" with members bob
      When bob updates "W" with:
        | maxMemberNum | 50 |
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And the maxMemberNum of "W" is 200
      When bob updates "W" with:
        | name             | Team W                           |
        | groupCustomField | [{"key":"level","value":"gold"}] |
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And the name of "W" is "W"
      And the groupCustomField of "W" is []

    Scenario: The owner of a Work group may change the member cap
      Given alice and bob are logged in
      And alice has created a Work group "W" with members bob
      When alice updates "W" with:
        | maxMemberNum | 50 |
      Then it succeeds
      And the maxMemberNum of "W" is 50

    Scenario: A Work member may send the join and invite options along with a basic field; they change nothing
      Given alice and bob are logged in
      And alice has created a Work group "W" with members bob
      When bob updates "W" with:
        | name       | Team W       |
        | joinOption | FreeAccess   |
      Then it succeeds
      And the name of "W" is "Team W"
      And the joinOption of "W" is "DisableApply"
      When bob updates "W" with:
        | name         | Team W2        |
        | inviteOption | DisableInvite  |
      Then it succeeds
      And the name of "W" is "Team W2"
      And the inviteOption of "W" is "FreeAccess"

  @rule:profile.modifiable-fields @type:Public
  Rule: The name, introduction, announcement, avatar, join option and group-level custom fields can be modified
    Quote: "You can modify the group name, introduction, announcement, group avatar, group name card, group join options,
    group-level custom fields, group member roles, member-level custom fields, and settings for receiving group messages."
    (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)
    Name cards, roles, member custom fields and message options are member-profile rules (features/members).

    Scenario: The owner changes every group-level field in one call and reads them back
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When alice updates "P" with:
        | name             | Renamed P                        |
        | introduction     | New intro                        |
        | notification     | New notice                       |
        | avatar           | https://x.test/p                 |
        | joinOption       | FreeAccess                       |
        | groupCustomField | [{"key":"level","value":"gold"}] |
      Then it succeeds
      And the name of "P" is "Renamed P"
      And the introduction of "P" is "New intro"
      And the notification of "P" is "New notice"
      And the avatar of "P" is "https://x.test/p"
      And the joinOption of "P" is "FreeAccess"
      And the groupCustomField of "P" is [{"key":"level","value":"gold"}]
      When bob reads the profile of "P" asking for the custom fields "level"
      Then the result's group.name is "Renamed P"
      And the result's group.groupCustomField is [{"key":"level","value":"gold"}]

    Scenario: Custom fields are merged by key, not replaced
      Given alice is logged in
      And alice has created a Public group "P" with:
        | groupCustomField | [{"key":"level","value":"gold"},{"key":"region","value":"eu"}] |
      When alice updates "P" with:
        | groupCustomField | [{"key":"level","value":"silver"}] |
      Then it succeeds
      And the groupCustomField of "P" is [{"key":"level","value":"silver"},{"key":"region","value":"eu"}]

  @rule:profile.custom-fields-by-filter @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: getGroupProfile returns only the custom fields named in groupCustomFieldFilter, and none without it
    Quote: "If you want to pull custom information, configure APIs for the custom fields that you want to pull."
    (Product, Group Management, https://www.tencentcloud.com/document/product/1047/33530)
    Quote: "Group-specific custom field filter, which specifies the group custom fields to pull." (@tencentcloud/chat
    3.6.6 index.d.ts, GET_GROUP_PROFILE_OPTIONS, https://www.npmjs.com/package/@tencentcloud/chat)
    Other reads (createGroup, getGroupList, GROUP_LIST_UPDATED) keep the complete profile
    (docs/ambiguities.md#a66-custom-field-filters).

    Scenario Outline: A member of <article> <type> group pulls the custom fields it names
      Given alice and bob are logged in
      And alice has created <article> <type> group "G" with:
        | groupCustomField | [{"key": "level", "value": "gold"}, {"key": "region", "value": "eu"}] |
      And bob belongs to "G"
      When bob reads the profile of "G"
      Then it succeeds
      And the result's group.groupCustomField is []
      When bob reads the profile of "G" asking for the custom fields "region"
      Then it succeeds
      And the result's group.groupCustomField is [{"key": "region", "value": "eu"}]
      When bob reads the profile of "G" asking for the custom fields "level, region, colour"
      Then it succeeds
      And the result's group.groupCustomField is [{"key": "level", "value": "gold"}, {"key": "region", "value": "eu"}]
      And the result's group.name is "G"

      Examples:
        | article | type       |
        | a       | Work       |
        | a       | Public     |
        | a       | Meeting    |
        | an      | AVChatRoom |
        | a       | Community  |

    Scenario Outline: A non-member of <article> <type> group gets no custom fields, even by name
      Given alice and bob are logged in
      And alice has created <article> <type> group "G" with:
        | groupCustomField | [{"key": "level", "value": "gold"}] |
      When bob reads the profile of "G" asking for the custom fields "level"
      Then it succeeds
      And the result's group.groupCustomField is []

      Examples:
        | article | type       |
        | a       | Public     |
        | a       | Meeting    |
        | an      | AVChatRoom |
        | a       | Community  |

  @rule:profile.update-resolves-the-group @type:Public @type:Work
  Rule: updateGroupProfile resolves with the updated group in data.group
    Quote: "`updateGroupProfile` resolves `data.group`." (Web "Group Profile", tencentyun/intlcloud-documents,
    https://github.com/tencentyun/intlcloud-documents)

    Scenario Outline: The <type> group returned by an update already carries the change
      Given alice is logged in
      And alice has created <article> <type> group "G"
      When alice changes the introduction of "G" to "Fresh"
      Then it succeeds
      And the result's group.groupID is the ID of "G"
      And the result's group.introduction is "Fresh"
      And the result's group.selfInfo.role is "Owner"

      Examples:
        | article | type   |
        | a       | Public |
        | a       | Work   |

  @rule:profile.members-told-of-profile-changes @type:Public @type:Meeting @ambiguous
  Rule: A profile change reaches every member as a profile-update tip (6) carrying the new values, and updates their group lists
    Quote: "| 6 | GRP_TIP_GRP_PROFILE_UPDATED | group profile changed (payload.newGroupProfile) |" (npm package @tencentcloud/chat 3.6.6
    index.d.ts, https://www.npmjs.com/package/@tencentcloud/chat)
    Who receives tips and when the group list is re-sent are readings (docs/ambiguities.md#a42-delivery-audience,
    docs/ambiguities.md#a38-group-list-updated-event).

    Scenario: Members see the new name in the tip and in their group lists
      Given alice, bob and nina are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When alice changes the notification of "P" to "Party at 8"
      Then it succeeds
      And bob eventually receives the group tip 6 (group profile updated) about "P" whose newGroupProfile is {"notification":"Party at 8"}
      And alice eventually receives the group tip 6 (group profile updated) about "P" whose operatorID is "alice"
      And bob's group list is eventually updated to include "P"
      And nina receives no group tip 6 (group profile updated) about "P"

    Scenario: An update that changes nothing sends nothing
      Given alice and bob are logged in
      And alice has created a Meeting group "M"
      And bob belongs to "M"
      When alice changes the name of "M" to "M"
      Then it succeeds
      And nothing has changed
      And bob receives no group tip 6 (group profile updated) about "M"
      And bob's group list is not updated

    Scenario: The tip of a profile update carries a new cap and custom fields
      Given alice and bob are logged in
      And alice has created a Public group "P"
      And bob belongs to "P"
      When alice updates "P" with:
        | maxMemberNum     | 50                               |
        | groupCustomField | [{"key":"level","value":"gold"}] |
      Then it succeeds
      And bob eventually receives the group tip 6 (group profile updated) about "P" whose newGroupProfile is {"maxMemberNum":50,"groupCustomField":[{"key":"level","value":"gold"}]}

  @rule:profile.join-option-changes-only-for-public-and-community @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community
  Rule: The join option can be changed for Public and Community groups; for the other types it is ignored without error
    Quote: "Note: It cannot be modified for TencentCloudChat.TYPES.GRP_WORK, TencentCloudChat.TYPES.GRP_MEETING, and
    TencentCloudChat.TYPES.GRP_AVCHATROOM groups." (Web SDK, Group Management, https://trtc.io/document/48465)
    Quote: "`joinOption` is silently dropped for Work, Meeting and AVChatRoom groups." (SDK code of the
    npm package @tencentcloud/chat 3.6.6, https://www.npmjs.com/package/@tencentcloud/chat)

    Scenario Outline: The owner of <article> <type> group asks for join option <asked>
      Given alice is logged in
      And alice has created <article> <type> group "G"
      When alice updates "G" with:
        | joinOption | <asked> |
      Then it succeeds
      And the joinOption of "G" is "<after>"

      Examples:
        | article | type       | asked          | after          |
        | a       | Public     | FreeAccess     | FreeAccess     |
        | a       | Community  | NeedPermission | NeedPermission |
        | a       | Work       | FreeAccess     | DisableApply   |
        | a       | Meeting    | DisableApply   | FreeAccess     |
        | an      | AVChatRoom | DisableApply   | FreeAccess     |

    Scenario: A Public group whose join option was changed to free access admits at once
      Given alice and bob are logged in
      And alice has created a Public group "P"
      When alice changes the joinOption of "P" to "FreeAccess"
      Then it succeeds
      When bob joins "P"
      Then the join status is "JoinedSuccess"
      And bob is a member of "P"

  @rule:profile.mute-all-members @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community
  Rule: muteAllMembers is a profile field the owner and admins set; Work groups cannot be muted
    Quote: "`updateGroupProfile({muteAllMembers:true})` mutes all; owner/admin can still speak." (reference extract §12 rule 88,
    [WGP], [R-MODIFY])
    Quote: "allows only the group admin, group owner, and system admin to speak" (REST API, Modify Group Profile,
    https://www.tencentcloud.com/document/product/1047/34962)
    Who may still speak is not modelled (the simulator sends no messages); the field itself is.

    Scenario Outline: The owner of <article> <type> group mutes everyone
      Given alice is logged in
      And alice has created <article> <type> group "G"
      When alice updates "G" with:
        | muteAllMembers | true |
      Then <outcome>
      And the muteAllMembers of "G" is <after>

      Examples:
        | article | type       | outcome                                          | after |
        | a       | Work       | it fails with code 10007 naming "muteAllMembers" | false |
        | a       | Public     | it succeeds                                      | true  |
        | a       | Meeting    | it succeeds                                      | true  |
        | an      | AVChatRoom | it succeeds                                      | true  |
        | a       | Community  | it succeeds                                      | true  |

    Scenario: An admin may mute everyone, an ordinary member may not
      Given alice, bob and carol are logged in
      And alice has created a Public group "P"
      And bob is an admin of "P"
      And carol belongs to "P"
      When carol updates "P" with:
        | muteAllMembers | true |
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      And the muteAllMembers of "P" is false
      When bob updates "P" with:
        | muteAllMembers | true |
      Then it succeeds
      And the muteAllMembers of "P" is true
      And carol eventually receives the group tip 6 (group profile updated) about "P" whose newGroupProfile.muteAllMembers is true

  @rule:profile.search-cannot-find-work-groups @type:Work @type:Public @type:Meeting @type:AVChatRoom @type:Community @ambiguous
  Rule: searchGroupByID finds every type of group but a Work group
    Quote: "Groups of type GRP_WORK cannot be searched." (npm package @tencentcloud/chat 3.6.6 index.d.ts,
    https://www.npmjs.com/package/@tencentcloud/chat)
    The refusal's code is not documented; groupspec reads it as 10007, for members too
    (docs/ambiguities.md#a27-search-work-group-code). Found groups show their public view (docs/ambiguities.md#a33-non-member-profile).

    Scenario Outline: A stranger searches for <article> <type> group by its ID
      Given alice and nina are logged in
      And alice has created <article> <type> group "G"
      When nina searches for "G"
      Then it succeeds
      And the result's group.groupID is the ID of "G"
      And the result's group.type is "<wire>"

      Examples:
        | article | type       | wire       |
        | a       | Public     | Public     |
        | a       | Meeting    | ChatRoom   |
        | an      | AVChatRoom | AVChatRoom |
        | a       | Community  | Community  |

    Scenario: Nobody finds a Work group, not even its members
      Given alice, bob and nina are logged in
      And alice has created a Work group "W" with members bob
      When nina searches for "W"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
      When bob searches for "W"
      Then it fails with code 10007 naming "groupID"
      And nothing has changed
