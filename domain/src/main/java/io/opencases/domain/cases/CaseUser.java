package io.opencases.domain.cases;

import io.opencases.domain.Require;

/** Who a change is made for (the API's UserUnion): a Connect user ARN or a free-form custom entity. */
public sealed interface CaseUser {
    record UserArn(String arn) implements CaseUser {
        public UserArn {
            Require.nonBlank(arn, "userArn");
        }
    }

    record CustomEntity(String name) implements CaseUser {
        public CustomEntity {
            Require.nonBlank(name, "customEntity");
        }
    }
}
