package cn.weiquan.platform.modelguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The allow-list for designers' expressions, case by case: every expression the product's models
 * use, what else a model may need, and what a designer must not reach (the engine, the platform's
 * beans, reflection).
 */
class ExpressionCheckerTest {
  private static final ExpressionChecker CHECKER = new ExpressionChecker(ProductBeans.catalog());

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiterString = " | ",
      quoteCharacter = '"',
      textBlock =
          """
      # every expression of processes/*.bpmn (the DMN tables are FEEL without ${…})
      delegate | ${applyTestingPause}
      delegate | ${assignCaseNumber}
      delegate | ${channelInputs}
      delegate | ${checkChannelChoice}
      delegate | ${checkEligibility}
      delegate | ${checkLimitation}
      delegate | ${complaintAccess}
      delegate | ${complaintClosure}
      delegate | ${complaintPayout}
      delegate | ${complaintRegistration}
      delegate | ${complaintReminder}
      delegate | ${complaintReopen}
      delegate | ${complaintSla}
      delegate | ${complaintTriage}
      delegate | ${complaintVisitOutcome}
      delegate | ${complaintVisitSchedule}
      delegate | ${enterStage}
      delegate | ${escalateAcceptance}
      delegate | ${notify}
      delegate | ${quoteClaims}
      delegate | ${quotePlatformCompensation}
      delegate | ${recordEvidence}
      value    | ${!eligible}
      value    | ${!mediationAccepted}
      value    | ${acceptanceDue}
      value    | ${agreementFulfilled}
      value    | ${apology}
      value    | ${appealDue}
      value    | ${approverGroup}
      value    | ${arbitrationFilingDue}
      value    | ${caseNo}
      value    | ${channelChoiceDue}
      value    | ${channelOutcome == 'resolved'}
      value    | ${compensationAmount}
      value    | ${consumerConfirmed && merchantConfirmed}
      value    | ${consumerDecision == 'accept'}
      value    | ${courtConfirmationDue}
      value    | ${deadlines.reminder(receivedAt, firstResponseDue)}
      value    | ${deadlines.reminder(resolutionFrom, resolutionDue)}
      value    | ${deadlines.reminderBefore(evidenceDue)}
      value    | ${deadlines.reminderBefore(mediationDue)}
      value    | ${decisionAnswerDue}
      value    | ${decisionResult.getSingleResult().approvalTier}
      value    | ${decisionResult.getSingleResult().approverGroup}
      value    | ${decisionResult.getSingleResult().firstResponseAmount}
      value    | ${decisionResult.getSingleResult().firstResponseUnit}
      value    | ${decisionResult.getSingleResult().get('compensationRule')}
      value    | ${decisionResult.getSingleResult().get('penaltyBasis')}
      value    | ${decisionResult.getSingleResult().get('pointsDeducted')}
      value    | ${decisionResult.getSingleResult().handlingMode}
      value    | ${decisionResult.getSingleResult().resolutionAmount}
      value    | ${decisionResult.getSingleResult().resolutionUnit}
      value    | ${decisionResult.getSingleResult().severity}
      value    | ${department}
      value    | ${empty channelOptions}
      value    | ${enforcement == 'performed'}
      value    | ${enforcementDue}
      value    | ${evidenceComplete}
      value    | ${evidenceDue}
      value    | ${false}
      value    | ${firstResponseDue}
      value    | ${handlingMode == 'committee'}
      value    | ${handlingMode == 'emergency'}
      value    | ${limitationDue}
      value    | ${limitationExpired}
      value    | ${mediationDue}
      value    | ${merchantAnswer == 'accept'}
      value    | ${merchantAnswer == 'offer'}
      value    | ${merchantResponseDue}
      value    | ${nextChannel == 'platform'}
      value    | ${nextChannel}
      value    | ${not empty complainantEmail}
      value    | ${offerAnswerDue}
      value    | ${payoutDecision == 'approve'}
      value    | ${payoutRequired}
      value    | ${platformViolation != 'none' && (platform == 'taobao' || platform == 'tmall')}
      value    | ${platformViolation}
      value    | ${regulatorAcceptanceDue}
      value    | ${regulatorResolved ? 'resolved' : 'unresolved'}
      value    | ${reopenCount > 0}
      value    | ${reopenCount}
      value    | ${reportViolation}
      value    | ${resolutionDue}
      value    | ${reviewDue}
      value    | ${sessionOutcome == 'agreement'}
      value    | ${sessionOutcome == 'failed'}
      value    | ${sessionOutcome == 'testing'}
      value    | ${settlementDue}
      value    | ${severity == '紧急' && reopenCount == 0}
      value    | ${solution}
      value    | ${visitDue}
      value    | ${visitOutcome == 'reopen'}
      value    | ${visitOutcome == 'satisfied'}
      # more of the subset
      value    | ${now()}
      value    | ${dateTime()}
      value    | ${currentUser()}
      value    | ${currentUserGroups()}
      value    | ${authenticatedUserId}
      value    | ${decisionResult.getFirstResult().approverGroup}
      value    | ${decisionResult.getResultList()[0].severity}
      value    | ${decisionResult.getSingleEntry()}
      value    | ${decisionResult.collectEntries('severity')}
      value    | ${decisionResult.getSingleResult()['penaltyBasis']}
      value    | ${claim.merchant.name}
      value    | ${items[0]}
      value    | ${x > 1 ? 'high' : 'low'}
      value    | ${not empty x and y lt 3 or z ge 4.5e1}
      value    | ${(a + b) * 2 / 3 % 4 - -1 div 2 mod 3}
      value    | ${a eq b || a ne c && !(a le d)}
      value    | ${'}' == close} and #{open == '{'}
      value    | ${null == x ? .5 : 1.}
      value    | text without any expression
      value    | ${deadlines.reminderBefore(deadlines.reminderBefore(mediationDue))}
      delegate | ${complaintReminder}
      """)
  void allowed(String position, String text) {
    assertThat(CHECKER.check(text, position.equals("delegate"))).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiterString = " | ",
      quoteCharacter = '"',
      textBlock =
          """
      # the privilege escalation of issue 11: a designer makes itself administrator
      value    | ${execution.getProcessEngineServices().getIdentityService().createMembership('designer','camunda-admin')} | 'execution' gives access to the whole engine
      value    | ${identityService.createMembership('designer','camunda-admin')} | 'identityService.createMembership' is not a public method of one of Weiquan's @ModelFunctions beans
      value    | ${''.getClass().forName('java.lang.Runtime')}                 | 'forName' is reflection
      value    | ${''.getClass()}                                              | 'getClass' is reflection
      value    | ${execution.setVariable('x',1)}                               | 'execution' gives access to the whole engine
      value    | ${task.delegationState}                                       | 'task' gives access to the whole engine
      value    | ${externalTask.workerId}                                      | 'externalTask' gives access to the whole engine
      value    | ${caseExecution}                                              | 'caseExecution' gives access to the whole engine
      value    | ${variableScope.setVariable('x', 1)}                          | 'variableScope' gives access to the whole engine
      value    | #{execution.id}                                               | 'execution' gives access to the whole engine
      value    | 结果：${execution}                                             | 'execution' gives access to the whole engine
      value    | escaped \\${execution}, checked all the same                  | 'execution' gives access to the whole engine
      # the platform's beans
      value    | ${identityService}                                            | 'identityService' is an application bean
      value    | ${processEngine.identityService}                              | 'processEngine' is an application bean
      value    | ${authorizationService.createNewAuthorization(1)}             | 'authorizationService.createNewAuthorization' is not a public method
      value    | ${runtimeService.deleteProcessInstance(caseId, 'gone')}       | 'runtimeService.deleteProcessInstance' is not a public method
      value    | ${x == 1 ? repositoryService : 2}                             | 'repositoryService' is an application bean
      value    | ${notify}                                                     | 'notify' is an application bean
      value    | ${deadlines.calendar}                                         | 'deadlines' is an application bean
      value    | ${deadlines.noSuchMethod(mediationDue)}                       | 'deadlines.noSuchMethod' is not a public method
      value    | ${deadlines.fromClasspath()}                                  | 'deadlines.fromClasspath' is not a public method
      value    | ${compensation.quote(request)}                                | 'compensation.quote' is not a public method
      value    | ${deadlines.reminderBefore(task)}                             | 'task' gives access to the whole engine
      value    | ${deadlines.reminder(execution.processInstance, mediationDue)} | 'execution' gives access to the whole engine
      value    | ${deadlines.reminder(execution, mediationDue)}                | 'execution' gives access to the whole engine
      value    | ${deadlines.reminderBefore(identityService)}                  | 'identityService' is an application bean
      delegate | ${identityService}                                            | the bean 'identityService' is not a Weiquan delegate
      delegate | ${deadlines}                                                  | the bean 'deadlines' is not a Weiquan delegate
      delegate | ${notify} and ${enterStage}                                   | 'notify' is an application bean
      # method calls and reflection through variables and the decision result
      value    | ${myVariable.toString()}                                      | the method call '.toString(…)' on myVariable is not allowed
      value    | ${Runtime.getRuntime().exec('rm')}                            | the method call '.getRuntime(…)' on Runtime is not allowed
      value    | ${myVariable.class}                                           | the property 'class' leads to classes
      value    | ${myVariable['class'].name}                                   | the property 'class' leads to classes
      value    | ${myVariable.classLoader.parent}                              | the property 'classLoader' leads to classes
      value    | ${myVariable[propertyName]}                                   | a computed index [propertyName]
      value    | ${myVariable['get' += 'Class']()}                             | not an expression Weiquan accepts
      value    | ${myVariable[name]()}                                         | a method with a computed name
      value    | ${decisionResult.getSingleResult().getClass()}                | 'getClass' is reflection
      value    | ${decisionResult.getSingleResult().class.classLoader}         | the property 'classLoader' leads to classes
      value    | ${decisionResult.toString()}                                  | the method call '.toString(…)' on decisionResult is not allowed
      value    | ${decisionResult.get(execution)}                              | 'execution' gives access to the whole engine
      # functions and syntax outside the subset
      value    | ${fn:exec('rm')}                                              | the function 'fn:exec(…)' is not one of
      value    | ${exec('rm')}                                                 | the function 'exec(…)' is not one of
      value    | ${x = 1}                                                      | not an expression Weiquan accepts
      value    | ${x; y}                                                       | not an expression Weiquan accepts
      value    | ${(x -> x.getClass())(1)}                                     | not an expression Weiquan accepts
      value    | ${x instanceof y}                                             | not an expression Weiquan accepts
      value    | ${}                                                           | not an expression Weiquan accepts
      value    | ${x                                                           | is not closed by '}'
      """)
  void refused(String position, String text, String reason) {
    List<String> problems = CHECKER.check(text, position.equals("delegate"));
    assertThat(problems).as(text).isNotEmpty();
    assertThat(problems.get(0)).contains(reason);
  }
}
