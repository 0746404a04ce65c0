package cn.weiquan.privacy;

import cn.weiquan.api.ApiCaller;
import cn.weiquan.api.ApiException;
import cn.weiquan.platform.WeiquanGroups;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A person's request to delete their data (个人信息保护法 Art. 47), carried out by the administrator. */
@RestController
public class ErasureController {
  private final PersonalDataErasure erasure;

  public ErasureController(PersonalDataErasure erasure) {
    this.erasure = erasure;
  }

  @Operation(
      summary = "Erase one case's personal data (camunda-admin)",
      description =
          "Names, phones, e-mails, addresses, the reporter's identity, free-text descriptions and evidence "
              + "files of the case, in every process of it, running and in history. The case's facts stay, so statistics "
              + "still count it; the erasure is recorded (who, when, which case). 204; 404 for an unknown case; 403 for "
              + "anyone but camunda-admin.")
  @DeleteMapping("/api/cases/{caseNo}/personal-data")
  public ResponseEntity<Void> erase(@PathVariable String caseNo, ApiCaller caller) {
    if (!caller.isMemberOf(WeiquanGroups.ADMIN)) {
      throw ApiException.forbidden(
          "只有 camunda-admin 可以删除个人信息", "erasing personal data is for camunda-admin only");
    }
    if (!caseNo.matches("[A-Z]{2,8}-\\d{4}-\\d{1,12}")) {
      throw ApiException.notFound("没有这个案件", "no such case");
    }
    return erasure
        .erase(caseNo, caller.userId())
        .map(done -> ResponseEntity.noContent().<Void>build())
        .orElseThrow(() -> ApiException.notFound("没有案件 " + caseNo, "no case " + caseNo));
  }
}
