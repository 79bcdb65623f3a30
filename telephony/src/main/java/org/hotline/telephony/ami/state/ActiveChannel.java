package org.hotline.telephony.ami.state;

/** A live Asterisk channel, from Newchannel or a CoreShowChannels snapshot. */
public record ActiveChannel(
    String uniqueId,
    String linkedId,
    String name,
    String callerNumber,
    String context,
    String exten,
    String application,
    String bridgeId) {}
