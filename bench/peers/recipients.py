#!/usr/bin/env python3
"""Online recipients for bench/peers: N users connected as an app's users would be, counting the
chat messages that reach them. Writes the running total to COUNT_FILE (atomically, every 100 ms)
and prints "ready" once every recipient is connected and listening.

  recipients.py xmpp HOST PORT DOMAIN PASSWORD COUNT_FILE user1 user2 ...
  recipients.py switchboard WS_URL COUNT_FILE token1 token2 ...

xmpp: XMPP client sessions (slixmpp, Debian's python3-slixmpp), presence sent, SCRAM over plain
TCP on loopback. switchboard: /realtime/v1 WebSockets (python3-websockets), each message.created
frame counted.
"""
import asyncio
import json
import os
import sys

received = 0


async def write_count(path):
    while True:
        tmp = path + ".tmp"
        with open(tmp, "w") as f:
            f.write(str(received))
        os.replace(tmp, path)
        await asyncio.sleep(0.1)


async def xmpp(host, port, domain, password, users):
    import slixmpp

    connected = asyncio.Event()
    started = 0

    class Recipient(slixmpp.ClientXMPP):
        def __init__(self, jid):
            super().__init__(jid, password)
            self.add_event_handler("session_start", self.on_start)
            self.add_event_handler("message", self.on_message)

        async def on_start(self, _):
            nonlocal started
            self.send_presence()
            started += 1
            if started == len(users):
                connected.set()

        def on_message(self, msg):
            global received
            if msg["type"] in ("chat", "normal") and msg["body"]:
                received += 1

    clients = []
    for user in users:
        c = Recipient(f"{user}@{domain}")
        c.connect(address=(host, int(port)), disable_starttls=True, force_starttls=False)
        clients.append(c)
    await asyncio.wait_for(connected.wait(), 60)


async def switchboard(url, tokens):
    import websockets

    async def listen(token, ready):
        global received
        async with websockets.connect(url, extra_headers={"Authorization": "Bearer " + token},
                                      max_queue=None) as ws:
            async for frame in ws:
                if not ready.done() and '"type":"ready"' in frame:
                    ready.set_result(True)
                elif '"event":"message.created"' in frame:
                    received += 1

    readies = []
    for token in tokens:
        ready = asyncio.get_running_loop().create_future()
        readies.append(ready)
        asyncio.create_task(listen(token, ready))
    await asyncio.wait_for(asyncio.gather(*readies), 60)


async def main():
    mode = sys.argv[1]
    if mode == "xmpp":
        host, port, domain, password, count_file, *users = sys.argv[2:]
        asyncio.create_task(write_count(count_file))
        await xmpp(host, port, domain, password, users)
    else:
        url, count_file, *tokens = sys.argv[2:]
        asyncio.create_task(write_count(count_file))
        await switchboard(url, tokens)
    print("ready", flush=True)
    await asyncio.Event().wait()


asyncio.run(main())
