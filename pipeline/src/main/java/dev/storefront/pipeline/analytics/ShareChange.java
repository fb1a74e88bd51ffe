package dev.storefront.pipeline.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** One order's revenue within one group, before and after a change of its fact; null: not in the group. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ShareChange(BigDecimal before, BigDecimal after) {}
