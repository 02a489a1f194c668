package io.vigie.regulatory.regime;

/** The laws that may ask a client for reports about an incident. */
public enum Regime {
    /** Regulation (EU) 2016/679: personal-data breaches (Art. 33 to the supervisory authority, Art. 34 to the people). */
    GDPR,
    /** Directive (EU) 2022/2555: significant incidents of essential and important entities (Art. 23). */
    NIS2,
    /** Regulation (EU) 2022/2554: major ICT-related incidents of financial entities (Art. 19). */
    DORA
}
