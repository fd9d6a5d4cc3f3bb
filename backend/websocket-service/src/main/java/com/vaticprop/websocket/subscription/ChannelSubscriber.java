package com.vaticprop.websocket.subscription;

/** One connection's subscription to one channel, as the fan-out sees it. */
public interface ChannelSubscriber {

    String channel();

    /** Called on the fan-out thread for every live frame of the channel; must not block on the socket. */
    void deliver(LiveFrame frame);
}
