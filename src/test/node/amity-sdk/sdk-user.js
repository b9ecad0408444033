'use strict';
// One user of the unmodified Amity TypeScript SDK (@amityco/ts-sdk, pinned in package-lock.json),
// driven step by step by AmitySdkIT: the SDK allows one active client per process, so each user
// is a process of its own. Commands arrive on stdin as JSON lines {id, step, args}; each answer is
// one stdout line "SDKTEST {id, ok, result|error}" (the SDK logs freely around them). Every step
// asserts what the SDK returned before answering.
//
// The three shims any Node app of this SDK needs, and nothing else (none changes the wire):
//  1. a global WebSocket (the SDK's bundled MQTT client is its browser build);
//  2. an unhandledRejection handler (the SDK leaves background promises unhandled);
//  3. response.request.url filled in (axios' Node adapter leaves it undefined, and the SDK's
//     transport then throws "Failed to parse URL from undefined" on every success).
global.WebSocket = require('ws');
process.on('unhandledRejection', (reason) => log('unhandledRejection', String(reason && reason.stack || reason)));

const assert = require('node:assert/strict');
const readline = require('node:readline');
const { Client, ChannelRepository, MessageRepository, ReactionRepository, FileRepository,
  UserRepository } = require('@amityco/ts-sdk');

const TIMEOUT_MS = 20000;
const requests = []; // method + path of every HTTP request the SDK makes (to prove no polling)
let live = { messages: [] }; // the latest state of the live message collection
let requestsAtMark = 0; // requests answered before the other user's action (step "mark")

function log(...args) {
  process.stderr.write(args.join(' ') + '\n');
}

function answer(id, ok, payload) {
  process.stdout.write('SDKTEST ' + JSON.stringify(ok ? { id, ok, result: payload } : { id, ok, error: payload }) + '\n');
}

function waitFor(what, predicate) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      let value;
      try { value = predicate(); } catch (e) { value = undefined; }
      if (value) { clearInterval(timer); resolve(value); }
      else if (Date.now() - started > TIMEOUT_MS) { clearInterval(timer); reject(new Error('timed out waiting for ' + what)); }
    }, 50);
  });
}

/**
 * The first fully loaded page of a live collection that satisfies {@code predicate}, then
 * unsubscribes (a live collection may show a page more than once as events arrive).
 */
function firstPage(subscribe, params, predicate = () => true) {
  return new Promise((resolve, reject) => {
    let dispose = () => {};
    let last;
    const timer = setTimeout(() => { dispose(); reject(new Error('live collection did not load; last: ' + JSON.stringify(last))); }, TIMEOUT_MS);
    dispose = subscribe(params, ({ data, loading, error }) => {
      last = data;
      if (error) { clearTimeout(timer); dispose(); reject(error); }
      else if (!loading && data !== undefined && predicate(data)) { clearTimeout(timer); setImmediate(() => dispose()); resolve(data); }
    });
  });
}

/** The first value of a live object that satisfies {@code predicate}, then unsubscribes. */
function liveObject(subscribe, id, predicate = () => true) {
  return new Promise((resolve, reject) => {
    let dispose = () => {};
    let last;
    const timer = setTimeout(() => { dispose(); reject(new Error('live object never matched; last: ' + JSON.stringify(last))); }, TIMEOUT_MS);
    dispose = subscribe(id, ({ data, loading, error }) => {
      if (error) { clearTimeout(timer); dispose(); reject(error); return; }
      last = data;
      if (!loading && data !== undefined && predicate(data)) { clearTimeout(timer); setImmediate(() => dispose()); resolve(data); }
    });
  });
}

// A 1×1 PNG, the smallest real image.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const steps = {
  async login({ apiKey, http, mqtt, userId, displayName, unreadCount = true }) {
    const client = Client.createClient(apiKey, 'sg', { apiEndpoint: { http, mqtt } });
    // Shim 3: observe-only adapter wrapper; the request is sent unchanged.
    const send = require('axios').getAdapter(client.http.defaults.adapter);
    client.http.defaults.adapter = async (config) => {
      let response;
      try {
        response = await send(config);
      } catch (e) {
        log('HTTP', config.method.toUpperCase(), config.url, '->', e.response ? e.response.status : e.message);
        throw e;
      }
      log('HTTP', config.method.toUpperCase(), config.url, '->', response.status);
      requests.push(`${config.method.toUpperCase()} ${config.url}`);
      if (response.request && response.request.url === undefined) {
        response.request.url = new URL(config.url, config.baseURL).href;
      }
      return response;
    };
    if (unreadCount) Client.enableUnreadCount();
    const ok = await Client.login({ userId, displayName }, { sessionWillRenewAccessToken: (r) => r.renew() });
    assert.equal(ok, true);
    const me = Client.getActiveUser();
    // The SDK keeps only the ids of the active user; MQTT's username is its internal _id.
    assert.equal(me.userId, userId);
    assert.match(me._id, /^[0-9a-f]{24}$/);
    assert.ok(me.path.endsWith('/user/' + me._id));
    await waitFor('MQTT connection', () => client.mqtt && client.mqtt.connected);
    return { userId: me.userId, internalId: me._id };
  },

  async createChannel({ userIds, displayName }) {
    const { data } = await ChannelRepository.createChannel({ type: 'conversation', userIds, displayName });
    assert.equal(data.type, 'conversation');
    assert.equal(data.displayName, displayName);
    assert.ok(data.channelId);
    return { channelId: data.channelId, channelInternalId: data.channelInternalId, subChannelId: data.defaultSubChannelId };
  },

  async joinChannel({ channelId }) {
    const joined = await ChannelRepository.joinChannel(channelId);
    assert.ok(joined);
    return { joined: true };
  },

  async listChannels({ channelId, previewText }) {
    const channels = await firstPage(ChannelRepository.getChannels, { membership: 'member', types: ['conversation'] });
    const channel = channels.find((c) => c.channelId === channelId);
    assert.ok(channel, 'the channel is listed');
    if (previewText) {
      assert.ok(channel.messagePreview, 'the channel has a message preview: ' + JSON.stringify(channel));
      assert.equal(channel.messagePreview.data.text, previewText);
    }
    return { channelIds: channels.map((c) => c.channelId), preview: channel.messagePreview ? channel.messagePreview.data : null };
  },

  async listMembers({ channelId, userIds }) {
    // A membership event that arrives while the page loads makes the SDK show what its cache
    // holds (loading false) before the server's page: wait for the page to hold everyone.
    const expected = [...userIds].sort();
    const sameIds = (list) => JSON.stringify(list.map((m) => m.userId).sort()) === JSON.stringify(expected);
    const members = await firstPage(ChannelRepository.Membership.getMembers, { channelId }, sameIds);
    const ids = members.map((m) => m.userId).sort();
    assert.deepEqual(ids, expected);
    return { userIds: ids };
  },

  async watchMessages({ subChannelId }) {
    const before = requests.length;
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('message collection did not load')), TIMEOUT_MS);
      MessageRepository.getMessages({ subChannelId, limit: 20 }, ({ data, loading, error }) => {
        if (error) { clearTimeout(timer); reject(error); return; }
        live = { messages: data };
        if (!loading) { clearTimeout(timer); resolve(); }
      });
    });
    // The collection may answer from its cache first: its one query must have been answered.
    await waitFor('the first page of messages',
      () => requests.slice(before).some((r) => r.startsWith('GET /api/v5/messages')));
    requestsAtMark = requests.length;
    return { count: live.messages.length };
  },

  /** Remembers how many requests were made, before the other user acts. */
  async mark() {
    requestsAtMark = requests.length;
    return { requests: requestsAtMark };
  },

  /**
   * Waits until the live collection shows the text, and checks that no message was read over
   * HTTP since the mark (marker syncs may run): only MQTT can have brought it.
   */
  async awaitLiveText({ text }) {
    const message = await waitFor(`"${text}" in the live collection`,
      () => live.messages.find((m) => m.data && m.data.text === text));
    const since = requests.slice(requestsAtMark);
    const fetched = since.filter((r) => /^GET \/api\/v\d\/(messages|message-feeds)/.test(r));
    assert.deepEqual(fetched, [], 'no message read since the mark: it came over MQTT; requests: ' + JSON.stringify(since));
    return { messageId: message.messageId, creatorId: message.creatorId };
  },

  async awaitLiveDeleted({ messageId }) {
    await waitFor('the deletion in the live collection', () => {
      const m = live.messages.find((x) => x.messageId === messageId);
      return !m || m.isDeleted;
    });
    return { deleted: true };
  },

  async sendText({ subChannelId, text, parentId }) {
    const { data } = await MessageRepository.createMessage({ subChannelId, dataType: 'text', data: { text }, parentId });
    assert.equal(data.data.text, text);
    assert.equal(data.subChannelId, subChannelId);
    if (parentId) assert.equal(data.parentId, parentId);
    return { messageId: data.messageId };
  },

  async listThread({ subChannelId, parentId, texts }) {
    const replies = await firstPage(MessageRepository.getMessages, { subChannelId, parentId });
    assert.deepEqual(replies.map((m) => m.data.text).sort(), [...texts].sort());
    return { count: replies.length };
  },

  async edit({ messageId, text }) {
    const { data } = await MessageRepository.updateMessage(messageId, { data: { text } });
    assert.equal(data.data.text, text);
    return { text: data.data.text };
  },

  async softDelete({ messageId }) {
    const deleted = await MessageRepository.softDeleteMessage(messageId);
    assert.equal(deleted.isDeleted, true);
    return { isDeleted: true };
  },

  async react({ messageId, name }) {
    assert.equal(await ReactionRepository.addReaction('message', messageId, name), true);
    const message = await liveObject(MessageRepository.getMessage, messageId, (m) => m.reactions[name] === 1);
    assert.deepEqual(message.myReactions, [name]);
    return { reactions: message.reactions };
  },

  async unreact({ messageId, name }) {
    assert.equal(await ReactionRepository.removeReaction('message', messageId, name), true);
    const message = await liveObject(MessageRepository.getMessage, messageId, (m) => !m.reactions[name]);
    assert.deepEqual(message.myReactions, []);
    return { reactions: message.reactions };
  },

  async flag({ messageId }) {
    assert.equal(await MessageRepository.flagMessage(messageId), true);
    assert.equal(await MessageRepository.isMessageFlaggedByMe(messageId), true);
    assert.equal(await MessageRepository.unflagMessage(messageId), true);
    assert.equal(await MessageRepository.isMessageFlaggedByMe(messageId), false);
    return { flagged: false };
  },

  async markRead({ channelInternalId }) {
    assert.equal(await ChannelRepository.markAsRead(channelInternalId), true);
    return { marked: true };
  },

  /** Waits for the unread counts to match: the user's total and, when given, the channel's. */
  async unread({ channelId, atLeast, exactly }) {
    const matches = (n) => n !== undefined && (exactly !== undefined ? n === exactly : n >= atLeast);
    let total;
    let channel;
    const disposers = [Client.getTotalUnreadCount(({ data }) => { total = data; })];
    if (channelId) {
      disposers.push(ChannelRepository.getChannel(channelId, ({ data }) => { channel = data; }));
    }
    try {
      await waitFor(`unread counts of ${exactly !== undefined ? exactly : 'at least ' + atLeast}`,
        () => matches(total) && (!channelId || (channel && matches(channel.unreadCount))));
    } finally {
      disposers.forEach((dispose) => dispose());
    }
    return { total, channel: channel ? channel.unreadCount : null };
  },

  async sendImage({ subChannelId }) {
    const form = new FormData();
    form.append('files', new Blob([PNG], { type: 'image/png' }), 'dot.png');
    const { data: files } = await FileRepository.uploadImage(form);
    assert.equal(files.length, 1);
    assert.equal(files[0].type, 'image');
    const fileId = files[0].fileId;
    const { data } = await MessageRepository.createMessage({ subChannelId, dataType: 'image', fileId });
    assert.equal(data.dataType, 'image');
    assert.equal(data.fileId, fileId);
    return { fileId, messageId: data.messageId };
  },

  async searchUsers({ displayName, userId }) {
    const users = await firstPage(UserRepository.searchUserByDisplayName, { displayName });
    assert.ok(users.some((u) => u.userId === userId), 'the user is found');
    const one = await liveObject(UserRepository.getUser, userId);
    assert.equal(one.userId, userId);
    return { found: users.map((u) => u.userId), displayName: one.displayName };
  },
};

const input = readline.createInterface({ input: process.stdin });
input.on('line', async (line) => {
  let command;
  try { command = JSON.parse(line); } catch (e) { answer(null, false, 'not JSON: ' + line); return; }
  const step = steps[command.step];
  if (!step) { answer(command.id, false, 'unknown step ' + command.step); return; }
  try {
    answer(command.id, true, await step(command.args || {}));
  } catch (e) {
    answer(command.id, false, `${command.step}: ${e && (e.stack || e.message) || e}`);
  }
});
input.on('close', () => process.exit(0));
