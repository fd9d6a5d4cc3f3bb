package com.vaticprop.websocket.subscription;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Channel name → the subscribers on this replica; the fan-out looks a frame's channel up here. */
public final class ChannelIndex {

    private final Map<String, Set<ChannelSubscriber>> byChannel = new ConcurrentHashMap<>();

    public void add(ChannelSubscriber subscriber) {
        byChannel.computeIfAbsent(subscriber.channel(), c -> ConcurrentHashMap.newKeySet()).add(subscriber);
    }

    public void remove(ChannelSubscriber subscriber) {
        byChannel.computeIfPresent(subscriber.channel(), (c, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    public boolean hasSubscribers(String channel) {
        return byChannel.containsKey(channel);
    }

    public void publish(LiveFrame frame) {
        Set<ChannelSubscriber> subscribers = byChannel.get(frame.channel());
        if (subscribers != null) {
            for (ChannelSubscriber s : subscribers) {
                s.deliver(frame);
            }
        }
    }
}
