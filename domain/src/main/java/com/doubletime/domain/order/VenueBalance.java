package com.doubletime.domain.order;

import com.doubletime.domain.Platform;
import java.math.BigDecimal;

/** Cash available to trade on a venue. */
public record VenueBalance(Platform platform, BigDecimal available) {}
