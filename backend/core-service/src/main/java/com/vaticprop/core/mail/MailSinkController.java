package com.vaticprop.core.mail;

import com.vaticprop.core.web.Caller;
import com.vaticprop.platform.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The development mail sink over HTTP (ADMIN only: the messages hold verification and reset tokens). With SMTP
 * configured there is no sink and the endpoint answers 404.
 */
@RestController
@Tag(name = "admin", description = "Operator actions")
class MailSinkController {

    private final MailSender sender;

    MailSinkController(MailSender sender) {
        this.sender = sender;
    }

    @GetMapping("/admin/mail")
    @Operation(summary = "ADMIN, development/test only: the mail the service would have sent, newest first")
    List<MailMessage> messages(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String to) {
        Caller.admin(jwt);
        if (!(sender instanceof MailSink sink)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found",
                    "Mail is sent over SMTP on this deployment; there is no mail sink.");
        }
        return sink.messagesTo(to);
    }
}
