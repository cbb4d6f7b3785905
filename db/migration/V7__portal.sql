-- The customer portal's reads. Every portal query starts from the customer's company.

-- Finding a work order by the customer's own reference, within their company, ignoring case
-- (/portal/lookup). The older jobs_customer_reference index has no company: for a common
-- reference it reads every company's matches before filtering.
CREATE INDEX jobs_company_customer_reference ON jobs (company_id, lower(customer_reference))
    WHERE customer_reference IS NOT NULL;

-- A contact who sees only the work orders they requested.
CREATE INDEX jobs_company_requested_by_contact ON jobs (company_id, requested_by_contact_id)
    WHERE requested_by_contact_id IS NOT NULL;
