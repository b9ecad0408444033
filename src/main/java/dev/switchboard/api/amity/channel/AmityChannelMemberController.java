package dev.switchboard.api.amity.channel;

import dev.switchboard.api.amity.AmityParams;
import dev.switchboard.api.amity.AmityUserView;
import dev.switchboard.api.amity.channel.AmityChannelDtos.ChannelUserView;
import dev.switchboard.api.amity.channel.AmityChannelDtos.ChannelsPayload;
import dev.switchboard.api.amity.channel.AmityChannelDtos.MuteRequest;
import dev.switchboard.api.amity.channel.AmityChannelDtos.PagedChannelUsersPayload;
import dev.switchboard.api.amity.channel.AmityChannelDtos.Paging;
import dev.switchboard.api.amity.channel.AmityChannelDtos.RoleRequest;
import dev.switchboard.api.amity.channel.AmityChannelDtos.SeenRequest;
import dev.switchboard.api.amity.AmitySuccess;
import dev.switchboard.api.amity.channel.AmityChannelDtos.UserIdsRequest;
import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ChannelMember;
import dev.switchboard.conversation.ChannelMembership;
import dev.switchboard.conversation.ChannelService;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.user.UserService;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Amity channel membership: join, leave, members, bans, roles, mutes, read marker. */
@RestController
@Tag(name = "Amity channels")
@SecurityRequirement(name = "bearerToken")
class AmityChannelMemberController {
  private final ChannelMembership membership;
  private final ChannelService channels;
  private final AmityChannelPayloads payloads;
  private final UserService users;
  private final Clock clock;

  AmityChannelMemberController(
      ChannelMembership membership,
      ChannelService channels,
      AmityChannelPayloads payloads,
      UserService users,
      Clock clock) {
    this.membership = membership;
    this.channels = channels;
    this.payloads = payloads;
    this.users = users;
    this.clock = clock;
  }

  @PostMapping("/api/v3/channels/{channelId}/join")
  ChannelsPayload join(@Parameter(hidden = true) Actor actor, @PathVariable String channelId) {
    return payloads.of(actor, List.of(membership.join(actor, channelId)));
  }

  @DeleteMapping("/api/v3/channels/{channelId}/leave")
  ChannelsPayload leave(@Parameter(hidden = true) Actor actor, @PathVariable String channelId) {
    return payloads.of(actor, List.of(membership.leave(actor, channelId)));
  }

  @GetMapping({"/api/v3/channels/{channelId}/users", "/api/v4/channels/{channelId}/users"})
  PagedChannelUsersPayload members(
      @Parameter(hidden = true) Actor actor,
      @PathVariable String channelId,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
    int limit = AmityParams.limit(params, 10, 100);
    long offset = AmityParams.offset(params);
    List<String> roles = AmityParams.list(params, "roles");
    if (roles.size() > 20 || roles.stream().anyMatch(r -> r.length() > 100)) {
      throw DomainException.invalid("roles must have at most 20 entries of at most 100 characters");
    }
    Channel channel = channels.get(actor, channelId);
    String filter = params.getFirst("filter") == null ? "all" : params.getFirst("filter");
    List<ChannelUserView> views = new ArrayList<>();
    switch (filter) {
      case "all", "member" -> {
        for (ChannelMember m : membership.members(actor, channelId, roles, limit + 1, offset)) {
          views.add(payloads.mapper.member(channel, m, clock.instant()));
        }
      }
      case "muted" -> {
        var now = clock.instant();
        membership.members(actor, channelId, roles, 1000, 0).stream()
            .filter(m -> m.isMuted(now))
            .skip(offset)
            .limit(limit + 1L)
            .forEach(m -> views.add(payloads.mapper.member(channel, m, now)));
      }
      case "banned" -> {
        for (String userId : membership.banned(actor, channelId, limit + 1, offset)) {
          views.add(payloads.mapper.outsider(channel, userId, true, clock.instant()));
        }
      }
      default -> throw DomainException.invalid("filter must be one of all, member, muted, banned");
    }
    boolean more = views.size() > limit;
    List<ChannelUserView> page = more ? views.subList(0, limit) : views;
    List<AmityUserView> userViews =
        AmityUserView.of(users.getAll(actor.tenantId(), page.stream().map(ChannelUserView::userId).toList()));
    Paging paging =
        new Paging(AmityParams.next(more, offset, limit), AmityParams.previous(offset, limit));
    ChannelsPayload side = payloads.of(actor, List.of(channel));
    return new PagedChannelUsersPayload(
        side.channels(), page, userViews, List.of(), side.messagePreviews(), paging);
  }

  @PostMapping("/api/v3/channels/{channelId}/users")
  ChannelsPayload add(
      @Parameter(hidden = true) Actor actor, @PathVariable String channelId, @RequestBody UserIdsRequest body) {
    Channel channel = membership.addMembers(actor, channelId, body.userIds());
    return payloads.of(actor, List.of(channel), body.userIds(), false);
  }

  @DeleteMapping("/api/v3/channels/{channelId}/users")
  ChannelsPayload remove(
      @Parameter(hidden = true) Actor actor,
      @PathVariable String channelId,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
    List<String> userIds = AmityParams.list(params, "userIds");
    Channel channel = membership.removeMembers(actor, channelId, userIds);
    return payloads.of(actor, List.of(channel), userIds, false);
  }

  @PutMapping("/api/v3/channels/{channelId}/users/ban")
  ChannelsPayload ban(
      @Parameter(hidden = true) Actor actor, @PathVariable String channelId, @RequestBody UserIdsRequest body) {
    Channel channel = membership.ban(actor, channelId, body.userIds());
    return payloads.of(actor, List.of(channel), body.userIds(), true);
  }

  @PutMapping("/api/v3/channels/{channelId}/users/unban")
  ChannelsPayload unban(
      @Parameter(hidden = true) Actor actor, @PathVariable String channelId, @RequestBody UserIdsRequest body) {
    Channel channel = membership.unban(actor, channelId, body.userIds());
    return payloads.of(actor, List.of(channel), body.userIds(), false);
  }

  @PostMapping("/api/v3/channels/{channelId}/users/roles")
  ChannelsPayload addRole(
      @Parameter(hidden = true) Actor actor, @PathVariable String channelId, @RequestBody RoleRequest body) {
    Channel channel = membership.addRole(actor, channelId, body.role(), body.userIds());
    return payloads.of(actor, List.of(channel), body.userIds(), false);
  }

  @DeleteMapping("/api/v3/channels/{channelId}/users/roles")
  ChannelsPayload removeRole(
      @Parameter(hidden = true) Actor actor,
      @PathVariable String channelId,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
    List<String> userIds = AmityParams.list(params, "userIds");
    Channel channel = membership.removeRole(actor, channelId, params.getFirst("role"), userIds);
    return payloads.of(actor, List.of(channel), userIds, false);
  }

  @PutMapping("/api/v2/channel/{channelId}/mute")
  AmitySuccess muteChannel(
      @Parameter(hidden = true) Actor actor, @PathVariable String channelId, @RequestBody MuteRequest body) {
    membership.muteChannel(actor, channelId, mutePeriod(body));
    return new AmitySuccess(true);
  }

  @PutMapping("/api/v2/channel/{channelId}/users/mute")
  AmitySuccess muteUsers(
      @Parameter(hidden = true) Actor actor, @PathVariable String channelId, @RequestBody MuteRequest body) {
    membership.muteMembers(actor, channelId, body.userIds(), mutePeriod(body));
    return new AmitySuccess(true);
  }

  @PostMapping("/api/v3/channels/{channelId}/seen")
  ChannelsPayload seen(
      @Parameter(hidden = true) Actor actor, @PathVariable String channelId, @RequestBody SeenRequest body) {
    if (body.readToSegment() == null) {
      throw DomainException.invalid("readToSegment is required");
    }
    return payloads.of(actor, List.of(membership.markSeen(actor, channelId, body.readToSegment())));
  }

  private static long mutePeriod(MuteRequest body) {
    if (body.mutePeriod() == null) {
      throw DomainException.invalid("mutePeriod is required");
    }
    return body.mutePeriod();
  }
}
