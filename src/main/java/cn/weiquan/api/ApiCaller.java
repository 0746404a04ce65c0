package cn.weiquan.api;

import java.util.Set;

/** Who is calling /api: an engine user authenticated by HTTP Basic, with its groups. */
public record ApiCaller(String userId, Set<String> groups) {
  public static final String REQUEST_ATTRIBUTE = ApiCaller.class.getName();

  public boolean isMemberOf(String group) {
    return groups.contains(group);
  }
}
