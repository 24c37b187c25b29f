-- A deployment is the record of a rule or model change. Camunda's default gave the user who
-- deployed READ and DELETE on it (PERMS_ 2 | 16 = 18); a cascading delete would remove the history
-- of every decision taken under it. From now on the deployer only reads it (platform/SupervisorGrants
-- newDeployment); the grants given before are narrowed the same way. Type 1 = grant, resource 9 =
-- deployment; the administrators' group holds its own, wider grants and is not touched.
update ACT_RU_AUTHORIZATION set PERMS_ = 2, REV_ = REV_ + 1
 where TYPE_ = 1 and RESOURCE_TYPE_ = 9 and USER_ID_ is not null and RESOURCE_ID_ <> '*'
   and PERMS_ = 18;
