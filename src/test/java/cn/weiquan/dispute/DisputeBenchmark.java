package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Benchmark (not a test): N cases through the negotiation-settled and the mediation-agreed paths of consumer-dispute on
 * an embedded H2 engine (full history, the real calendar, rules and case-number beans), and in the same run bare
 * processes with the same wait states: the same messages, user tasks and async continuations (the notify steps, each
 * asyncBefore + asyncAfter), and nothing else. The mail step is a no-op in the main comparison, so the ratio measures
 * the model; a last round sends real mail to an in-process SMTP server.
 *
 * <pre>mvn -Pbench -Dbench=cn.weiquan.dispute.DisputeBenchmark -Dexec.args="300" test-compile exec:java</pre>
 */
public final class DisputeBenchmark {

    private static final JavaDelegate NO_MAIL = execution -> { };

    private final ProcessEngine engine;

    private DisputeBenchmark(ProcessEngine engine) {
        this.engine = engine;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("dispute-benchmark");
        configuration.setJdbcUrl("jdbc:h2:mem:dispute-benchmark;DB_CLOSE_DELAY=-1");
        configuration.setJobExecutorActivate(false);
        configuration.setHistory("full");
        configuration.setExpressionManager(new MockExpressionManager());
        ProcessEngine engine = configuration.buildProcessEngine();
        ClockUtil.setCurrentTime(Date.from(DisputeCases.REGISTERED));
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            engine.getRepositoryService().createDeployment().name("benchmark")
                    .addClasspathResource(DisputeCases.BPMN).addClasspathResource(DisputeCases.PENALTY_DMN)
                    .addModelInstance("bare-settled.bpmn", bare("bare-settled", 3, 1))
                    .addModelInstance("bare-settled-no-async.bpmn", bare("bare-settled-no-async", 0, 1))
                    .addModelInstance("bare-mediated.bpmn", bare("bare-mediated", 6, 6))
                    .addModelInstance("bare-mediated-no-async.bpmn", bare("bare-mediated-no-async", 0, 6))
                    .deploy();
            DisputeCases.register(engine, DisputeCases.mailSender(smtp.getSmtp().getPort()));
            JavaDelegate realMail = (JavaDelegate) Mocks.get("notify");
            Mocks.register("notify", NO_MAIL);
            new DisputeBenchmark(engine).run(n, realMail);
        } finally {
            smtp.stop();
            engine.close();
        }
    }

    private void run(int n, JavaDelegate realMail) {
        int warmup = Math.max(20, n / 5);
        Map<String, Runnable> paths = new java.util.LinkedHashMap<>();
        paths.put("consumer-dispute negotiation-settled", this::settled);
        paths.put("bare, same waits (1 message, 1 user task, 6 async)", () -> bare("bare-settled"));
        paths.put("bare, no async (1 message, 1 user task)", () -> bare("bare-settled-no-async"));
        paths.put("bare, same waits, with the case's start variables", () -> bareWithCaseData("bare-settled"));
        paths.put("consumer-dispute mediation-agreed", this::mediated);
        paths.put("bare, same waits (1 message, 6 user tasks, 12 async)", () -> bare("bare-mediated"));
        paths.put("bare, no async (1 message, 6 user tasks)", () -> bare("bare-mediated-no-async"));
        paths.put("bare, same waits, with the case's start variables ", () -> bareWithCaseData("bare-mediated"));
        paths.values().forEach(path -> repeat(path, warmup));
        // rounds interleave the paths so that load from other processes on the machine hits them alike; median per path
        int rounds = 10;
        Map<String, List<Double>> rates = new java.util.LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (var path : paths.entrySet()) {
                rates.computeIfAbsent(path.getKey(), k -> new java.util.ArrayList<>()).add(casesPerSecond(path.getValue(), Math.max(1, n / rounds)));
            }
        }
        Map<String, Double> rate = new java.util.LinkedHashMap<>();
        rates.forEach((name, list) -> rate.put(name, list.stream().sorted().toList().get(list.size() / 2)));
        System.out.printf("%nconsumer-dispute benchmark: %d cases per path in %d interleaved rounds after %d warm-up, embedded H2, full history, one thread (median round)%n",
                n, rounds, warmup);
        rate.forEach((name, r) -> System.out.printf("  %-55s %8.1f cases/s%n", name, r));
        List<String> names = List.copyOf(rate.keySet());
        for (int i = 0; i < names.size(); i += 4) {
            double model = rate.get(names.get(i));
            System.out.printf("  ratio %s: %.2f of the bare process with the same waits (%.2f with the case's start variables), %.2f without async%n",
                    names.get(i), model / rate.get(names.get(i + 1)), model / rate.get(names.get(i + 3)), model / rate.get(names.get(i + 2)));
        }
        Mocks.register("notify", realMail);
        int mailed = Math.max(20, n / 5);
        repeat(this::settled, 5);
        System.out.printf("  with real mail to an in-process SMTP server: negotiation-settled %.1f cases/s, mediation-agreed %.1f cases/s (%d cases each)%n",
                casesPerSecond(this::settled, mailed), casesPerSecond(this::mediated, mailed), mailed);
    }

    private static void repeat(Runnable path, int times) {
        for (int i = 0; i < times; i++) {
            path.run();
        }
    }

    private static double casesPerSecond(Runnable path, int n) {
        long start = System.nanoTime();
        repeat(path, n);
        return n / ((System.nanoTime() - start) / 1e9);
    }

    // ---------- the paths

    private void settled() {
        ProcessInstance instance = start();
        correlate(instance, "MerchantResponse", Map.of(MERCHANT_ANSWER, "accept"));
        complete(instance, "Task_ConfirmSettlement", Map.of("settlementMethod", "refund", "settlementFulfilledOn", "2026-03-04", "settlementConfirmed", true));
        assertEnded(instance);
    }

    private void mediated() {
        ProcessInstance instance = start();
        correlate(instance, "MerchantResponse", Map.of(MERCHANT_ANSWER, "reject"));
        complete(instance, "Task_RecordChannelChoice", Map.of(NEXT_CHANNEL, "association"));
        complete(instance, "Task_ReviewAcceptance", Map.of(MEDIATION_ACCEPTED, true));
        complete(instance, "Task_ConductMediationSession", Map.of(SESSION_OUTCOME, "agreement", "sessionSummary", "双方同意退货退款"));
        complete(instance, "Task_DraftAgreement", Map.of("agreementText", "退货退款1999.00元"));
        complete(instance, "Task_ConfirmAgreement", Map.of(CONSUMER_CONFIRMED, true, MERCHANT_CONFIRMED, true));
        complete(instance, "Task_TrackFulfilment", Map.of("agreementFulfilled", true, "requestCourtConfirmation", false));
        assertEnded(instance);
    }

    private ProcessInstance start() {
        Map<String, Object> variables = new HashMap<>(DisputeCases.washingMachineCase());
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, variables);
        runJobs(instance);
        return instance;
    }

    private void bare(String key) {
        drive(engine.getRuntimeService().startProcessInstanceByKey(key));
    }

    private void bareWithCaseData(String key) {
        drive(engine.getRuntimeService().startProcessInstanceByKey(key, new HashMap<>(DisputeCases.washingMachineCase())));
    }

    /** A bare process: drive it by whatever it waits for, until it ends. */
    private void drive(ProcessInstance instance) {
        for (int step = 0; step < 100; step++) {
            runJobs(instance);
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
            if (task != null) {
                engine.getTaskService().complete(task.getId(), Map.of("answer", "ok"));
            } else if (engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(instance.getId()).count() > 0) {
                engine.getRuntimeService().createMessageCorrelation("BareMessage").processInstanceId(instance.getId())
                        .setVariable("answer", "ok").correlate();
            } else {
                assertEnded(instance);
                return;
            }
        }
        throw new IllegalStateException("bare process did not end");
    }

    private void correlate(ProcessInstance instance, String message, Map<String, Object> variables) {
        engine.getRuntimeService().createMessageCorrelation(message).processInstanceId(instance.getId()).setVariables(variables).correlate();
        runJobs(instance);
    }

    private void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
        engine.getTaskService().complete(task.getId(), variables);
        runJobs(instance);
    }

    private void runJobs(ProcessInstance instance) {
        List<Job> jobs;
        while (!(jobs = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).messages().list()).isEmpty()) {
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }

    private void assertEnded(ProcessInstance instance) {
        if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() != 0) {
            throw new IllegalStateException("case did not end: " + instance.getId());
        }
    }

    /** Start, the mail steps (async before and after), one message, the user tasks, end. */
    private static BpmnModelInstance bare(String key, int mailSteps, int userTasks) {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(180).startEvent();
        for (int i = 0; i < mailSteps; i++) {
            flow = flow.serviceTask("Mail_" + i).camundaDelegateExpression("${notify}").camundaAsyncBefore().camundaAsyncAfter();
            if (i == 0) {
                flow = flow.intermediateCatchEvent("Message_0").message("BareMessage");
            }
        }
        if (mailSteps == 0) {
            flow = flow.intermediateCatchEvent("Message_0").message("BareMessage");
        }
        for (int i = 0; i < userTasks; i++) {
            flow = flow.userTask("Task_" + i);
        }
        return flow.endEvent().done();
    }

}
