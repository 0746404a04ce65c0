package cn.weiquan.intake.dispute;

import cn.weiquan.api.Day;
import cn.weiquan.intake.dispute.DisputeCodes.ConsumerDecision;
import cn.weiquan.intake.dispute.DisputeCodes.MerchantAnswer;
import cn.weiquan.intake.dispute.DisputeCodes.NextChannel;
import cn.weiquan.intake.dispute.DisputeCodes.OfficialDecisionKind;
import cn.weiquan.intake.dispute.DisputeCodes.Party;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The parties' answers to a running dispute, each correlated as the BPMN message of the same name.
 */
public final class DisputeAnswers {
  private DisputeAnswers() {}

  /**
   * POST /merchant-response → MerchantResponse; offer describes the merchant's proposal (required
   * for answer=offer).
   */
  public record MerchantResponse(@NotNull MerchantAnswer answer, @Size(max = 4000) String offer) {}

  /** POST /consumer-decision → ConsumerDecision; nextChannel is required when escalating. */
  public record ConsumerDecisionBody(@NotNull ConsumerDecision decision, NextChannel nextChannel) {}

  /**
   * POST /official-decisions: what an authority decided, reported by a party or the mediator.
   * authority names the regulator and acceptedOn the day it accepted the complaint
   * (regulator-accepted: the mediation limit counts from it, by the measures in force that day);
   * outcome is the decision's text; resolved says whether the regulator's handling settled the
   * dispute (regulator-outcome); servedOn is the day a judgment was served (its appeal window
   * counts from it); appealedBy says which party appealed.
   */
  public record OfficialDecision(
      @NotNull OfficialDecisionKind kind,
      @Size(max = 200) String authority,
      @Day @PastOrPresent LocalDate acceptedOn,
      @Size(max = 4000) String outcome,
      Boolean resolved,
      @Day @PastOrPresent LocalDate servedOn,
      Party appealedBy) {}

  /** POST /withdraw → Withdraw. */
  public record Withdrawal(@NotBlank @Size(max = 2000) String reason) {}
}
