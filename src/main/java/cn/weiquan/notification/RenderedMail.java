package cn.weiquan.notification;

/** A template rendered for one recipient: a one-line subject and a plain-text body. */
public record RenderedMail(String subject, String body) {}
