package cn.weiquan.complaint;

import java.util.Date;

/** The SLA dates of one complaint: when a first response and the resolution are due, and when to remind. */
public record SlaPlan(Date firstResponseReminderAt, Date firstResponseDue, Date resolutionReminderAt, Date resolutionDue) {}
