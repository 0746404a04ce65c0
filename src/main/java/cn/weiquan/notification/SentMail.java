package cn.weiquan.notification;

/**
 * One mail handed to the SMTP server: the role it was for, its address and the Message-ID we gave
 * it.
 */
public record SentMail(RecipientRole role, String to, String messageId) {}
